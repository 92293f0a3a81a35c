"""The visitors of the load benchmark (``bench/load_users.py``) fill in forms as people
do – what they send decides whether the bench measures the portal or its bot traps."""

from __future__ import annotations

from bs4 import BeautifulSoup

from bench import load, load_users

FORM = """
<form method="post" action="/leistungen/hund-anmelden/antrag/schritt/1/">
  <input type="hidden" name="csrfmiddlewaretoken" value="tok">
  <div class="hp-field"><input type="text" name="website" tabindex="-1"></div>
  <input type="text" name="vorname" required>
  <input type="email" name="kontakt_email">
  <input type="text" name="anschrift_0" autocomplete="street-address">
  <input type="text" name="anschrift_1" autocomplete="postal-code" inputmode="numeric">
  <input type="text" name="plz" maxlength="5">
  <input type="text" name="beschaeftigte" inputmode="decimal">
  <input type="text" name="iban">
  <select name="art"><option value="">Bitte wählen</option><option value="einfach">einfach</option></select>
  <input type="radio" name="weg" value="post"><input type="radio" name="weg" value="mail">
  <input type="checkbox" name="einwilligung" value="ja">
  <input type="file" name="foto" accept="image/jpeg,image/png">
  <input type="file" name="nachweis" accept="application/pdf,image/png">
  <input type="text" name="gesperrt" disabled>
  <input type="radio" name="gelistet" value="nein"><input type="radio" name="gelistet" value="ja">
  <div data-show-if-field="gelistet" data-show-if-value="ja">
    <input type="file" name="erlaubnis" accept="application/pdf">
  </div>
  <input type="date" name="wunschtermin" min="2026-12-04">
  <input type="checkbox" name="lastschrift">
  <div data-show-if-field="lastschrift" data-show-if-value="ja"><input name="kontoinhaber"></div>
  <button type="submit" name="action" value="back">Zurück</button>
  <button type="submit" name="action" value="next">Weiter</button>
</form>
"""  # noqa: E501


def test_a_visitor_fills_what_people_see_and_leaves_the_honeypot_empty():
    form = BeautifulSoup(FORM, "html.parser").form
    data, files = load_users.fill(form, "erika@last.example.org")
    sent = dict(data)
    assert sent["csrfmiddlewaretoken"] == "tok"
    assert sent["website"] == ""  # only a bot fills what nobody sees
    assert sent["vorname"] == "Erika Mustermann"
    assert sent["kontakt_email"] == "erika@last.example.org"
    assert sent["anschrift_0"] == "Kaiserstraße 66"  # as the browser's autofill would
    assert sent["anschrift_1"] == "76646"
    assert sent["plz"] == "76646"  # five digits fit the field
    assert sent["beschaeftigte"] == "2"
    assert sent["iban"].replace(" ", "") == "DE89370400440532013000"
    assert sent["art"] == "einfach"  # the first real choice, not the placeholder
    assert [v for k, v in data if k == "weg"] == ["post"]  # one radio answer
    assert sent["einwilligung"] == "ja"
    assert "gesperrt" not in sent
    assert "erlaubnis" not in files  # shown only to keepers of a listed dog
    assert sent["lastschrift"] == "on" and sent["kontoinhaber"] == "Erika Mustermann"
    assert sent["wunschtermin"] == "2026-12-25"  # three weeks after the earliest date
    assert sent["action"] == "next"  # forward, not back
    assert files["foto"][0] == "foto.png" and files["foto"][1].startswith(b"\x89PNG")
    assert files["nachweis"][0] == "nachweis.pdf" and files["nachweis"][1].startswith(b"%PDF")
    assert len(files["nachweis"][1]) == load_users.PDF_BYTES


def test_fifty_users_are_the_issue_mix():
    kinds = load_users.mix(50)
    assert len(kinds) == 50
    assert {k: kinds.count(k) for k in load_users.KINDS} == {
        "browse": 25, "search": 10, "submit": 5, "signup": 5, "sensor": 5,
    }  # fmt: skip
    assert {k: load_users.mix(3).count(k) for k in load_users.KINDS}["sensor"] == 1


def test_every_visit_comes_from_a_loopback_address_of_its_own():
    addresses = load_users.Addresses()
    seen = [addresses.next() for _ in range(70_000)]
    assert len(set(seen)) == len(seen)
    for address in seen[:300] + seen[-300:]:
        parts = [int(p) for p in address.split(".")]
        assert parts[0] == 127 and all(0 <= p <= 255 for p in parts)
        assert address not in ("127.0.0.1",) and parts[3] not in (0, 255)


def test_percentiles_of_the_report():
    values = [n / 1000 for n in range(1, 101)]  # 1 … 100 ms
    figures = load.percentiles(values)
    assert round(figures["p50"], 1) == 50.5
    assert round(figures["p99"], 1) == 99.0
    assert load.percentiles([]) == {}
