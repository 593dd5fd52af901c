"""What the search reads of rich text (core.text)."""

from core.text import html_text


def test_blocks_of_rich_text_stay_apart_and_inline_markup_joins_nothing():
    """Found by probing the served site: "…biblioteket.</p><h2>Avboka" was indexed as one word, so the
    last word of each paragraph and the first of the next were found by nobody."""
    html = "<p>Ring biblioteket.</p><h2>Avboka</h2><ul><li>ett</li><li>två</li></ul>rad<br>ny <b>bred</b>band"
    assert html_text(html) == "Ring biblioteket. Avboka ett två rad ny bredband"
    assert html_text("<p>الرقمية.</p><h2>إلغاء الحجز</h2>") == "الرقمية. إلغاء الحجز"
