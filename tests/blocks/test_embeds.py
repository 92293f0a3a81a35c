"""Video and map load nothing from their host before consent."""

from __future__ import annotations

from bs4 import BeautifulSoup

from blocks.embeds import MapBlock, VideoBlock, video_embed


def test_video_addresses_become_privacy_friendly_embeds():
    youtube = video_embed("https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=10")
    assert youtube["embed_url"].startswith("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ")
    assert video_embed("https://youtu.be/aqz-KE-bpKQ")["provider"] == "YouTube"
    vimeo = video_embed("https://vimeo.com/76979871")
    assert vimeo["embed_url"].startswith("https://player.vimeo.com/video/76979871?dnt=1")
    assert video_embed("https://www.youtube.com/watch?v=<script>") is None
    assert video_embed("javascript:alert(1)") is None


def test_video_renders_no_iframe_and_no_third_party_source_before_consent():
    block = VideoBlock()
    html = block.render(block.get_preview_value())
    soup = BeautifulSoup(html, "html.parser")

    assert soup.find("iframe") is None
    sources = [tag.get("src", "") for tag in soup.find_all(src=True)]
    assert not any("youtube" in source or "vimeo" in source for source in sources)
    assert soup.select_one("a[href^='https://www.youtube.com/watch']")  # works without JS
    assert "IP-Adresse" in soup.get_text()


def test_map_renders_a_link_and_no_map_tiles_before_consent():
    block = MapBlock()
    soup = BeautifulSoup(block.render(block.get_preview_value()), "html.parser")

    assert soup.find("iframe") is None
    assert not soup.find_all(src=True)
    link = soup.select_one("a[href^='https://www.openstreetmap.org/']")
    assert "mlat=48.858400" in link["href"]
    assert soup.select_one("[data-consent-embed^='https://www.openstreetmap.org/export/embed']")
