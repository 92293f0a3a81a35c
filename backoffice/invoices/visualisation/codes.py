"""Code lists the readable invoice names in German (UNTDID 1001, 4461, 5305; UN/ECE Rec 20).
Unknown codes are shown as they are."""

from __future__ import annotations

TYPE_CODES = {
    "326": "Teilrechnung",
    "380": "Rechnung",
    "381": "Gutschrift",
    "384": "Korrekturrechnung",
    "389": "Selbst ausgestellte Rechnung (Gutschriftverfahren)",
    "875": "Teilrechnung (Bauleistung)",
    "876": "Teilschlussrechnung (Bauleistung)",
    "877": "Schlussrechnung (Bauleistung)",
}
PAYMENT_MEANS = {
    "1": "Nicht definiert",
    "10": "Barzahlung",
    "20": "Scheck",
    "30": "Überweisung",
    "31": "Überweisung (Auslandszahlung)",
    "42": "Zahlung auf ein Bankkonto",
    "48": "Bankkarte",
    "49": "Lastschrift",
    "54": "Kreditkarte",
    "55": "Debitkarte",
    "57": "Dauerauftrag",
    "58": "SEPA-Überweisung",
    "59": "SEPA-Lastschrift",
    "68": "Online-Zahlungsdienst",
    "97": "Verrechnung",
    "ZZZ": "Gegenseitig vereinbart",
}
VAT_CATEGORIES = {
    "S": "Umsatzsteuer zum Normalsatz",
    "Z": "Nullsatz",
    "E": "Steuerbefreit",
    "AE": "Umkehr der Steuerschuldnerschaft (Reverse Charge)",
    "K": "Innergemeinschaftliche Lieferung",
    "G": "Ausfuhrlieferung",
    "O": "Nicht steuerbar",
    "L": "IGIC (Kanarische Inseln)",
    "M": "IPSI (Ceuta und Melilla)",
}
UNITS = {
    "C62": "Stück",
    "H87": "Stück",
    "XPP": "Stück",
    "EA": "Stück",
    "HUR": "Std.",
    "MIN": "Min.",
    "DAY": "Tag(e)",
    "WEE": "Woche(n)",
    "MON": "Monat(e)",
    "ANN": "Jahr(e)",
    "KGM": "kg",
    "GRM": "g",
    "TNE": "t",
    "MTR": "m",
    "KMT": "km",
    "MTK": "m²",
    "MTQ": "m³",
    "LTR": "l",
    "KWH": "kWh",
    "LS": "pauschal",
    "SET": "Satz",
    "XBX": "Karton",
    "P1": "%",
}
