package id.balai.reports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TrackingCodeTest {

    @Test
    void aCodeIsTwoGroupsOfFourFromTheAlphabet() {
        for (int i = 0; i < 2000; i++) {
            String code = TrackingCode.generate();
            assertThat(code).matches("[" + TrackingCode.ALPHABET + "]{4}-[" + TrackingCode.ALPHABET + "]{4}");
        }
    }

    @Test
    void theAlphabetLeavesOutCharactersPeopleConfuse() {
        assertThat(TrackingCode.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "U");
        assertThat(TrackingCode.ALPHABET).hasSize(30);
        assertThat(TrackingCode.ALPHABET.chars().distinct().count()).isEqualTo(30);
        assertThat(TrackingCode.ALPHABET).matches("[2-9A-Z]+");
    }

    @Test
    void generatedCodesUseTheWholeAlphabetAndDoNotRepeat() {
        Set<String> codes = new HashSet<>();
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = TrackingCode.generate();
            codes.add(code);
            code.replace("-", "").chars().forEach(c -> seen.add((char) c));
        }
        assertThat(codes).hasSize(2000);
        assertThat(seen).hasSize(TrackingCode.ALPHABET.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7MQ-3P9X", "k7mq-3p9x", "K7MQ3P9X", "k7mq3p9x", "K7MQ 3P9X", " k7 mq-3p 9x ", "\tK7MQ-3P9X\n", "K7-MQ-3P-9X"})
    void whatAPersonTypesIsReadAsTheCode(String typed) {
        assertThat(TrackingCode.normalise(typed)).contains("K7MQ-3P9X");
    }

    @ParameterizedTest
    @ValueSource(strings = {"K7MQ-3P9O", "K7MQ-3P90", "K1MQ-3P9X", "KIMQ-3P9X", "KLMQ-3P9X", "KUMQ-3P9X", "kumq-3p9x",
            "K7MQ-3P9", "K7MQ-3P9XX", "K7MQ_3P9X", "K7MQ.3P9X", "K7MQ-3P9É", "K7MQ-3P9X;", "' OR 1=1 --", "K7MQ-3P9X\u0000"})
    void badCharactersOrLengthsAreRefused(String typed) {
        assertThat(TrackingCode.normalise(typed)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "-"})
    void nothingIsNotACode(String typed) {
        assertThat(TrackingCode.normalise(typed)).isEmpty();
    }

    @Test
    void aGeneratedCodeNormalisesToItself() {
        for (int i = 0; i < 200; i++) {
            String code = TrackingCode.generate();
            assertThat(TrackingCode.normalise(code)).contains(code);
            assertThat(TrackingCode.normalise(code.toLowerCase().replace("-", " "))).contains(code);
        }
    }
}
