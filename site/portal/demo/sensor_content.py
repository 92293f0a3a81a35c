"""The demo's sensors: per town its measuring stations with believable places, units,
ranges, thresholds with German alert texts, a device each (DevEUI and decoder) and a
value profile (``sensor_widgets.simulation``) that the seed and the simulator use.

Keys match the decoders' output (``water_level`` → ``water_level_cm``, ``elsys_ers`` →
``temperature_c``/``humidity_percent``/``co2_ppm``, ``traffic_counter`` →
``vehicles_in``/``vehicles_out``, ``bin_fill`` → ``fill_level_percent``); garages and
air stations report decoded JSON (decoder ``json``; garages over HTTP, no DevEUI).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# --- region-wide: kinds of sensors and what they measure --------------------------------

SENSORS = {
    "pegel": (
        "Radar-Pegelsonde",
        "Berührungslose Messung des Wasserstands per Radar, montiert an einer Brücke.",
    ),
    "luft": (
        "Luftqualitäts-Messbox",
        "Optischer Feinstaubsensor (PM10) mit Temperatur- und Feuchtefühler.",
    ),
    "klima": (
        "Elsys ERS Klimasensor",
        "LoRaWAN-Sensor für Temperatur, Luftfeuchte und CO₂ (Elsys ERS-Reihe).",
    ),
    "parken": (
        "Parkleitsystem-Zählung",
        "Ein- und Ausfahrtzählung des Parkhauses; meldet die freien Plätze über HTTP.",
    ),
    "verkehr": (
        "Seitenradar-Verkehrszähler",
        "Zählt Fahrzeuge je Fahrtrichtung in Viertelstunden-Intervallen.",
    ),
    "fuellstand": (
        "Ultraschall-Füllstandsensor",
        "Misst von oben den Abstand zum Inhalt eines Wertstoffcontainers.",
    ),
}

PROPERTIES = {
    "Wasserstand": "Höhe des Wasserspiegels über dem Pegelnullpunkt.",
    "Feinstaub PM10": "Masse der Partikel unter 10 µm je Kubikmeter Luft.",
    "Lufttemperatur": "Temperatur der Luft, 2 m über dem Boden bzw. im Raum.",
    "Relative Luftfeuchte": "Wasserdampfgehalt der Luft im Verhältnis zum Höchstwert.",
    "CO₂-Konzentration": "Anteil Kohlendioxid in der Raumluft; Maß für frische Luft.",
    "Freie Parkplätze": "Anzahl der freien Stellplätze.",
    "Verkehrsmenge": "Anzahl Fahrzeuge je 15 Minuten und Fahrtrichtung.",
    "Füllstand": "Befüllung eines Behälters in Prozent.",
}
DEFINITION = "https://redi.example/sensorik/begriffe/{slug}"

# --- streams ------------------------------------------------------------------------------


@dataclass
class Stream:
    key: str
    name: str
    observed: str
    unit_name: str
    unit_symbol: str
    unit_definition: str
    minimum: float
    maximum: float
    profile: dict
    decimals: int = 0
    warning: float | None = None
    alarm: float | None = None
    alert_title: str = ""
    alert_text: str = ""
    stale_after: int = 120
    featured: bool = False  # a year of history (hourly and daily aggregates)


@dataclass
class Station:
    name: str
    description: str
    place: str
    latitude: float
    longitude: float
    sensor: str
    decoder: str
    streams: list[Stream] = field(default_factory=list)
    lorawan: bool = True  # False: reports over HTTP (no DevEUI)


QUDT = "http://qudt.org/vocab/unit/"
GAUGE_TEXT = (
    "Der Wasserstand der {river} liegt über der Warnstufe. Ufer und Uferwege meiden, "
    "Keller und Tiefgaragen in Gewässernähe räumen, Fahrzeuge aus Überflutungsbereichen "
    "holen. Aktuelle Hinweise: Hochwasservorhersagezentrale Baden-Württemberg (hvz.lubw.de)."
)


def gauge(
    river: str,
    base: float,
    amplitude: float,
    warning: float,
    alarm: float,
    *,
    maximum: float = 800,
    flood: dict | None = None,
) -> Stream:
    profile = {"profile": "water_level", "base": base, "amplitude": amplitude}
    if flood:
        profile["flood"] = flood
    return Stream(
        key="water_level_cm",
        name=f"Wasserstand {river}",
        observed="Wasserstand",
        unit_name="Zentimeter",
        unit_symbol="cm",
        unit_definition=QUDT + "CentiM",
        minimum=0,
        maximum=maximum,
        profile=profile,
        warning=warning,
        alarm=alarm,
        alert_title=f"Hochwasser-Warnung {river}",
        alert_text=GAUGE_TEXT.format(river=river),
        stale_after=60,
        featured=True,
    )


def temperature(base: float = 11, amplitude: float = 5, *, featured: bool = False) -> Stream:
    return Stream(
        key="temperature_c",
        name="Lufttemperatur",
        observed="Lufttemperatur",
        unit_name="Grad Celsius",
        unit_symbol="°C",
        unit_definition=QUDT + "DEG_C",
        minimum=-40,
        maximum=60,
        decimals=1,
        profile={"profile": "temperature", "base": base, "amplitude": amplitude},
        featured=featured,
    )


def humidity(base: float = 72, amplitude: float = 14) -> Stream:
    return Stream(
        key="humidity_percent",
        name="Luftfeuchte",
        observed="Relative Luftfeuchte",
        unit_name="Prozent",
        unit_symbol="%",
        unit_definition=QUDT + "PERCENT",
        minimum=0,
        maximum=100,
        profile={"profile": "humidity", "base": base, "amplitude": amplitude},
    )


def pm10(base: float, amplitude: float, *, featured: bool = False) -> Stream:
    return Stream(
        key="pm10_ugm3",
        name="Feinstaub PM10",
        observed="Feinstaub PM10",
        unit_name="Mikrogramm je Kubikmeter",
        unit_symbol="µg/m³",
        unit_definition=QUDT + "MicroGM-PER-M3",
        minimum=0,
        maximum=1000,
        profile={"profile": "pm10", "base": base, "amplitude": amplitude},
        warning=50,
        alarm=100,
        alert_title="Hohe Feinstaubbelastung",
        alert_text=(
            "Die Feinstaubkonzentration liegt über 50 µg/m³. Empfindliche Menschen, "
            "Kinder und Ältere sollten längere Anstrengung im Freien meiden. Bitte "
            "möglichst auf Kaminöfen und unnötige Autofahrten verzichten."
        ),
        featured=featured,
    )


def parking(capacity: int, *, featured: bool = False) -> Stream:
    return Stream(
        key="free_spaces",
        name="Freie Plätze",
        observed="Freie Parkplätze",
        unit_name="Stellplätze",
        unit_symbol="Plätze",
        unit_definition="",
        minimum=0,
        maximum=capacity,
        profile={"profile": "parking", "base": 0, "amplitude": capacity},
        stale_after=30,
        featured=featured,
    )


def traffic(direction: str, key: str, night: int, peak: int, *, featured=False) -> Stream:
    return Stream(
        key=key,
        name=f"Fahrzeuge Richtung {direction}",
        observed="Verkehrsmenge",
        unit_name="Fahrzeuge je 15 Minuten",
        unit_symbol="Kfz/15 min",
        unit_definition="",
        minimum=0,
        maximum=2000,
        profile={"profile": "traffic", "base": night, "amplitude": peak},
        featured=featured,
    )


def bin_fill(weekday: int, weekly: float, *, featured: bool = False) -> Stream:
    return Stream(
        key="fill_level_percent",
        name="Füllstand",
        observed="Füllstand",
        unit_name="Prozent",
        unit_symbol="%",
        unit_definition=QUDT + "PERCENT",
        minimum=0,
        maximum=100,
        profile={"profile": "bin_fill", "base": 4, "amplitude": weekly, "weekday": weekday},
        stale_after=180,
        featured=featured,
    )


def co2() -> Stream:
    return Stream(
        key="co2_ppm",
        name="CO₂ in der Raumluft",
        observed="CO₂-Konzentration",
        unit_name="Teile je Million",
        unit_symbol="ppm",
        unit_definition=QUDT + "PPM",
        minimum=300,
        maximum=10000,
        profile={"profile": "co2", "base": 430, "amplitude": 650},
    )


def indoor_temperature() -> Stream:
    stream = temperature()
    stream.name = "Raumtemperatur"
    stream.profile = {"profile": "temperature", "base": 21, "amplitude": 1.5, "indoor": True}
    return stream


def air_station(
    name: str, place: str, lat: float, lon: float, base: float, peak: float, featured=False
):
    return Station(
        name=name,
        description=f"Misst Feinstaub, Temperatur und Luftfeuchte am Standort {place}.",
        place=place,
        latitude=lat,
        longitude=lon,
        sensor="luft",
        decoder="json",
        streams=[pm10(base, peak, featured=featured), temperature(), humidity()],
    )


def weather_station(name: str, place: str, lat: float, lon: float, **kw) -> Station:
    return Station(
        name=name,
        description=f"Kleine Wetterstation am Standort {place}.",
        place=place,
        latitude=lat,
        longitude=lon,
        sensor="klima",
        decoder="elsys_ers",
        streams=[temperature(**kw), humidity()],
    )


def garage(name: str, place: str, lat: float, lon: float, capacity: int, **kw) -> Station:
    return Station(
        name=name,
        description=f"{capacity} Stellplätze; die Zahl der freien Plätze kommt vom Parkleitsystem.",
        place=place,
        latitude=lat,
        longitude=lon,
        sensor="parken",
        decoder="json",
        lorawan=False,
        streams=[parking(capacity, **kw)],
    )


def gauge_station(river: str, town: str, place: str, lat: float, lon: float, stream: Stream):
    return Station(
        name=f"Pegel {river}, {town}",
        description=(
            f"Radar-Pegel an der {river} ({place}). Warnstufe und Alarmstufe nach den "
            "Meldestufen des Hochwasseralarmplans der Stadt."
        ),
        place=place,
        latitude=lat,
        longitude=lon,
        sensor="pegel",
        decoder="water_level",
        streams=[stream],
    )


def container(name: str, place: str, lat: float, lon: float, weekday: int, weekly: float, **kw):
    return Station(
        name=name,
        description="Füllstand des Altglascontainers; geleert wird einmal in der Woche.",
        place=place,
        latitude=lat,
        longitude=lon,
        sensor="fuellstand",
        decoder="bin_fill",
        streams=[bin_fill(weekday, weekly, **kw)],
    )


def counter(
    name: str,
    place: str,
    lat: float,
    lon: float,
    towards: tuple[str, str],
    *,
    peak_in: int = 240,
    peak_out: int = 220,
    featured: bool = False,
):
    first, second = towards
    return Station(
        name=name,
        description=f"Verkehrszählung je Fahrtrichtung ({first} / {second}).",
        place=place,
        latitude=lat,
        longitude=lon,
        sensor="verkehr",
        decoder="traffic_counter",
        streams=[
            traffic(first, "vehicles_in", 6, peak_in, featured=featured),
            traffic(second, "vehicles_out", 6, peak_out),
        ],
    )


def towns(flood_start: str) -> dict[str, list[Station]]:
    """The stations of every demo town; ``flood_start``: when the Murg flood in Rastatt
    began (ISO time, about a day before the seed ran), so its warning is on now."""
    murg_flood = {"start": flood_start, "height": 190, "days": 9}
    return {
        "rastatt": [
            gauge_station(
                "Murg",
                "Rastatt",
                "Murgbrücke Kehler Straße",
                48.8567,
                8.2049,
                gauge("Murg", 110, 30, 250, 350, flood=murg_flood),
            ),
            gauge_station(
                "Rhein",
                "Plittersdorf",
                "Rheinufer Plittersdorf",
                48.8853,
                8.1284,
                gauge("Rhein", 470, 110, 760, 830, maximum=1200),
            ),
            air_station(
                "Luftmessstation Kaiserstraße", "Kaiserstraße", 48.8581, 8.2039, 16, 33, True
            ),
            garage("Parkhaus am Schloss", "Herrenstraße", 48.8594, 8.2063, 420, featured=True),
        ],
        "baden-baden": [
            gauge_station(
                "Oos",
                "Baden-Baden",
                "Lichtentaler Allee",
                48.7581,
                8.2390,
                gauge("Oos", 45, 22, 120, 170, maximum=400),
            ),
            Station(
                name="Luftmessstation Leopoldsplatz",
                description="Misst Feinstaub, Temperatur und Luftfeuchte am Leopoldsplatz.",
                place="Leopoldsplatz",
                latitude=48.7603,
                longitude=8.2407,
                sensor="luft",
                decoder="json",
                streams=[pm10(13, 24), temperature(11.5, 5, featured=True), humidity()],
            ),
            garage("Parkhaus Kongresshaus", "Augustaplatz", 48.7627, 8.2386, 520),
        ],
        "bretten": [
            gauge_station(
                "Saalbach",
                "Bretten",
                "Weißhofer Straße",
                49.0371,
                8.7001,
                gauge("Saalbach", 35, 18, 110, 160, maximum=400),
            ),
            weather_station("Wetterstation Marktplatz", "Marktplatz", 49.0361, 8.7068),
            garage("Tiefgarage Sporgassen", "Sporgasse", 49.0356, 8.7058, 180),
        ],
        "bruchsal": [
            gauge_station(
                "Saalbach",
                "Bruchsal",
                "Saalbachpark",
                49.1226,
                8.5957,
                gauge("Saalbach", 55, 28, 160, 220, maximum=400),
            ),
            air_station("Luftmessstation Schlossraum", "Schlossraum", 49.1268, 8.5976, 15, 26),
            garage("Parkhaus Bahnhof", "Bahnhofsplatz", 49.1237, 8.5891, 560),
        ],
        "buehl": [
            gauge_station(
                "Bühlot",
                "Bühl",
                "Johannesplatz",
                48.6966,
                8.1331,
                gauge("Bühlot", 30, 16, 100, 140, maximum=300),
            ),
            weather_station(
                "Wetterstation Stadtgarten", "Stadtgarten", 48.6951, 8.1362, featured=True
            ),
        ],
        "ettlingen": [
            gauge_station(
                "Alb",
                "Ettlingen",
                "Albgaubad",
                48.9404,
                8.4096,
                gauge("Alb", 50, 24, 140, 190, maximum=400),
            ),
            air_station("Luftmessstation Schlossplatz", "Schlossplatz", 48.9414, 8.4074, 14, 25),
            Station(
                name="Raumklima Bürgerbüro",
                description="Misst CO₂ und Temperatur im Wartebereich des Bürgerbüros.",
                place="Marktplatz 2",
                latitude=48.9408,
                longitude=8.4081,
                sensor="klima",
                decoder="elsys_ers",
                streams=[co2(), indoor_temperature()],
            ),
        ],
        "gaggenau": [
            gauge_station(
                "Murg",
                "Gaggenau",
                "Murgbrücke Hauptstraße",
                48.8072,
                8.3226,
                gauge("Murg", 85, 36, 220, 300, maximum=600),
            ),
            weather_station(
                "Wetterstation Bad Rotenfels", "Kurpark Bad Rotenfels", 48.8204, 8.2961
            ),
        ],
        "rheinstetten": [
            counter(
                "Zählstelle Rheinstraße, Mörsch",
                "Rheinstraße",
                48.9641,
                8.3072,
                ("Karlsruhe", "Rastatt"),
                featured=True,
                peak_in=260,
                peak_out=230,
            ),
            counter(
                "Zählstelle Hauptstraße, Forchheim",
                "Hauptstraße",
                48.9771,
                8.3216,
                ("Karlsruhe", "Mörsch"),
                peak_in=180,
                peak_out=170,
            ),
            weather_station("Wetterstation Neuenbürg", "Messe Karlsruhe", 48.9812, 8.3318),
        ],
        "stutensee": [
            container(
                "Altglas Blankenloch Bahnhof",
                "Bahnhofstraße",
                49.0621,
                8.4712,
                0,
                82,
                featured=True,
            ),
            container("Altglas Friedrichstal Rathaus", "Rathaus", 49.1046, 8.4709, 1, 70),
            container("Altglas Spöck Kirchplatz", "Kirchplatz", 49.0901, 8.4951, 2, 88),
            container("Altglas Staffort Ortsmitte", "Ortsmitte", 49.0797, 8.5005, 3, 64),
            weather_station("Wetterstation Schloss Stutensee", "Schloss", 49.0668, 8.4873),
        ],
    }


# --- the "Messwerte" page of every town ------------------------------------------------

PAGE_SLUG = "messwerte"
PAGE_TITLE = "Messwerte"
PAGE_INTRO = (
    "Aktuelle Messwerte aus {name}: Pegel, Luft, Wetter und mehr – automatisch erfasst, "
    "alle paar Minuten aktualisiert und offen über die SensorThings-API."
)
PAGE_TEXT = (
    "<p>Die Stadt {name} betreibt eigene Sensoren, die ihre Werte per LoRaWAN oder über "
    "das Internet melden. Die Werte sind ungeprüfte Rohdaten; amtliche Pegel und "
    "Warnungen finden Sie bei der Hochwasservorhersagezentrale (hvz.lubw.de) und beim "
    "Deutschen Wetterdienst.</p>"
)
MAP_TEXT = "Die Messstellen liegen im Stadtgebiet von {name}; die Liste nennt jeden Standort."
