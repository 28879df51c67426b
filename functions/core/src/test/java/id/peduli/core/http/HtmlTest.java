package id.peduli.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void everyCharacterThatCouldEndTextOrAnAttribute_isEscaped() {
        assertThat(Html.escape("<a href=\"x\" title='y'>R&D</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;R&amp;D&lt;/a&gt;");
    }

    @Test
    void plainText_isKept_andNothingIsEmpty() {
        assertThat(Html.escape("Bontang, Kalimantan Timur \u00b7 Rp 10.000")).isEqualTo("Bontang, Kalimantan Timur \u00b7 Rp 10.000");
        assertThat(Html.escape(null)).isEmpty();
    }
}
