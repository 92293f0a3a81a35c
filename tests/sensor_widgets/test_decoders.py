"""Payload decoders: the documented byte layouts, round trips, clear German refusals."""

from __future__ import annotations

import pytest

from sensor_widgets import decoders
from sensor_widgets.decoders import DecodeError


def test_every_decoder_is_offered_with_a_german_label():
    names = [name for name, _ in decoders.choices()]
    assert names == [
        "json",
        "cayenne_lpp",
        "dragino_ldds75",
        "water_level",
        "elsys_ers",
        "parking",
        "bin_fill",
        "traffic_counter",
    ]
    labels = dict(decoders.choices())
    assert str(labels["water_level"]) == "Pegelsonde (Wasserstand in cm, Batterie)"


@pytest.mark.parametrize(
    ("name", "payload", "values"),
    [
        (
            "json",
            b'{"temperature_c": 7.5, "air": {"pm10": 12}}',
            {"temperature_c": 7.5, "air_pm10": 12},
        ),
        # channel 1 temperature -3.4 °C, channel 2 humidity 55.5 %, channel 3 1013.2 hPa
        (
            "cayenne_lpp",
            bytes.fromhex("0167ffde02686f03732794"),
            {"temperature_1": -3.4, "humidity_2": 55.5, "barometer_3": 1013.2},
        ),
        ("cayenne_lpp", bytes.fromhex("0500010a02fff6"), {"digital_in_5": 1, "analog_in_10": -0.1}),
        # 3600 mV (with flag bits set), 1234 mm
        (
            "dragino_ldds75",
            bytes.fromhex("ce1004d200000000"),
            {"distance_mm": 1234, "battery_v": 3.6},
        ),
        ("water_level", bytes.fromhex("008e5a"), {"water_level_cm": 142, "battery_percent": 90}),
        (
            "elsys_ers",
            bytes.fromhex("0100d50237040064050306028a070e10"),
            {
                "temperature_c": 21.3,
                "humidity_percent": 55,
                "light_lux": 100,
                "motion_count": 3,
                "co2_ppm": 650,
                "battery_v": 3.6,
            },
        ),
        ("elsys_ers", bytes.fromhex("01ffec"), {"temperature_c": -2.0}),
        ("parking", bytes.fromhex("0150"), {"occupied": 1, "battery_percent": 80}),
        # 720 mm to the contents of a 1200 mm deep bin: 40 % full
        (
            "bin_fill",
            bytes.fromhex("02d004b05a"),
            {"fill_level_percent": 40, "battery_percent": 90},
        ),
        ("bin_fill", bytes.fromhex("05dc04b05a"), {"fill_level_percent": 0, "battery_percent": 90}),
        (
            "traffic_counter",
            bytes.fromhex("00330032"),
            {"vehicles": 101, "vehicles_in": 51, "vehicles_out": 50},
        ),
    ],
)
def test_documented_layouts_decode(name, payload, values):
    assert decoders.decode(name, payload) == pytest.approx(values)


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("json", {"water_level_cm": 142.0}),
        ("cayenne_lpp", {"temperature_1": 21.5, "humidity_2": 40.5, "distance_4": 1.234}),
        ("dragino_ldds75", {"distance_mm": 2100.0, "battery_v": 3.3}),
        ("water_level", {"water_level_cm": 312.0, "battery_percent": 77.0}),
        ("elsys_ers", {"temperature_c": -4.2, "co2_ppm": 1240.0}),
        ("parking", {"occupied": 0.0, "battery_percent": 90.0}),
        ("bin_fill", {"fill_level_percent": 75.0, "battery_percent": 60.0}),
        ("traffic_counter", {"vehicles_in": 120.0, "vehicles_out": 98.0}),
    ],
)
def test_encode_then_decode_gives_the_values_back(name, values):
    decoded = decoders.decode(name, decoders.get(name).encode(values))
    assert {key: decoded[key] for key in values} == pytest.approx(values)


def test_encoding_fills_in_battery_and_splits_a_traffic_total():
    assert (
        decoders.decode("water_level", decoders.get("water_level").encode({"water_level_cm": 5}))[
            "battery_percent"
        ]
        == 90
    )
    total = decoders.decode(
        "traffic_counter", decoders.get("traffic_counter").encode({"vehicles": 7})
    )
    assert total == {"vehicles": 7, "vehicles_in": 4, "vehicles_out": 3}


@pytest.mark.parametrize(
    ("name", "payload", "message"),
    [
        ("water_level", b"\x00\x8e", "Pegelsonde erwartet 3 Byte Nutzdaten, erhalten: 2 Byte."),
        ("water_level", b"\xff\xff\x50", "Pegelsonde meldet einen Sondenfehler."),
        ("water_level", b"\x00\x10\xc8", "Pegelsonde: Batteriestand 200 % ist unmöglich."),
        ("dragino_ldds75", b"\x0e\x10\x00\x00\x00\x00\x00\x00", "kein gültiges Echo"),
        ("dragino_ldds75", b"\x0e\x10", "Dragino LDDS75 erwartet 8 Byte"),
        ("parking", b"\x02\x50", "Belegt-Kennung 2 ist weder 0 noch 1"),
        ("parking", b"\x01", "Parkplatzsensor erwartet 2 Byte"),
        ("bin_fill", b"\x02\xd0\x00\x00\x5a", "Behältertiefe 0 mm"),
        ("traffic_counter", b"\x00\x01\x02", "Verkehrszähler erwartet 4 Byte"),
        ("cayenne_lpp", b"\x01\x67\x00", "temperature auf Kanal 1 braucht 2 Byte"),
        ("cayenne_lpp", b"\x01\x88" + bytes(9), "unbekannter Datentyp 136 auf Kanal 1"),
        ("cayenne_lpp", b"", "keine Nutzdaten"),
        ("cayenne_lpp", b"\x01", "unvollständiger Datensatz"),
        ("elsys_ers", b"\x01\x00", "temperature_c braucht 2 Byte"),
        ("elsys_ers", b"\x99\x00", "unbekannter Datentyp 0x99 an Byte 0"),
        ("json", b"\xff\xfe", "kein gültiges JSON"),
        ("json", b"[1, 2]", "müssen ein Objekt"),
        ("json", b'{"t": "warm"}', "Wert „t“ ist keine Zahl: warm"),
        ("json", b'{"t": true}', "Wert „t“ ist keine Zahl"),
        ("json", b'{"t": NaN}', "Wert „t“ ist keine endliche Zahl"),
        ("json", b'{"t": Infinity}', "keine endliche Zahl"),
        ("json", b"{" + b" " * 5000 + b"}", "zu lang"),
    ],
)
def test_bad_bytes_are_refused_in_german(name, payload, message):
    with pytest.raises(DecodeError) as error:
        decoders.decode(name, payload)
    assert message in str(error.value)


def test_unknown_decoder_and_unencodable_values_are_decode_errors():
    with pytest.raises(DecodeError, match="Unbekannter Decoder „lora9000“"):
        decoders.get("lora9000")
    with pytest.raises(DecodeError, match="Wert „water_level_cm“ fehlt"):
        decoders.get("water_level").encode({"pm10": 3})
    with pytest.raises(DecodeError, match="kennt den Wert „pm10“ nicht"):
        decoders.get("elsys_ers").encode({"pm10": 3})
    with pytest.raises(DecodeError, match="passt nicht in 1 Byte"):
        decoders.get("cayenne_lpp").encode({"humidity_1": 300})


def test_a_decoder_bug_on_odd_bytes_becomes_a_decode_error(monkeypatch):
    def broken(payload):
        return {"x": payload[99]}

    monkeypatch.setattr(decoders.get("parking"), "decode", broken)
    with pytest.raises(DecodeError, match="Nutzdaten nicht lesbar \\(parking\\)"):
        decoders.decode("parking", b"\x01\x50")
