package dev.groqj.internal.sse;

import static dev.groqj.internal.sse.SseEvent.message;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.groqj.error.ResponseTooLargeException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SseParserTest {
    /**
     * Parses {@code input} whole, one byte at a time, in 20 seeded random splits (empty pieces included) and through
     * both kinds of ByteBuffer, and asserts that every way gives {@code expected}.
     */
    static void assertParses(byte[] input, SseEvent... expected) {
        assertThat(parse(input, input.length)).as("whole").containsExactly(expected);
        assertThat(parse(input, 1)).as("one byte at a time").containsExactly(expected);
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser(events::add);
            for (int off = 0; off < input.length; ) {
                int len = Math.min(random.nextInt(8), input.length - off);
                parser.feed(input, off, len);
                off += len;
            }
            parser.finish();
            assertThat(events).as("random pieces, round %d", round).containsExactly(expected);
        }
        ByteBuffer direct = ByteBuffer.allocateDirect(input.length).put(input).flip();
        for (ByteBuffer buf : List.of(ByteBuffer.wrap(input), direct)) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser(events::add);
            parser.feed(buf);
            parser.finish();
            assertThat(buf.hasRemaining()).isFalse();
            assertThat(events).as("%s", buf).containsExactly(expected);
        }
    }

    static void assertParses(String input, SseEvent... expected) {
        assertParses(input.getBytes(UTF_8), expected);
    }

    static List<SseEvent> parse(byte[] input, int pieceSize) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        for (int off = 0; off < input.length; off += pieceSize) {
            parser.feed(input, off, Math.min(pieceSize, input.length - off));
        }
        parser.finish();
        return events;
    }

    @Test
    void lfLineEndsSeparateEvents() {
        assertParses("data: a\n\ndata: b\n\n", message("a"), message("b"));
    }

    @Test
    void crLineEndsSeparateEvents() {
        assertParses("data: a\r\rdata: b\r\r", message("a"), message("b"));
    }

    @Test
    void crlfLineEndsSeparateEvents() {
        assertParses("data: a\r\n\r\ndata: b\r\n\r\n", message("a"), message("b"));
    }

    @Test
    void mixedLineEndsInOneStream() {
        assertParses("data: a\r\ndata: b\rdata: c\n\r\n", message("a\nb\nc"));
    }

    @Test
    void lineEndIsFoundAtEveryPositionAmongLookAlikeBytes() {
        // control bytes next to CR and LF, and U+010A/U+010D whose UTF-8 ends in 0x8A/0x8D (LF/CR plus the high bit)
        String lookAlikes = "\u000B\u000C\t\u0001\u000E\u010A\u010D\u0000";
        for (String end : List.of("\n", "\r", "\r\n")) {
            for (int length = 0; length <= 24; length++) {
                StringBuilder value = new StringBuilder();
                for (int i = 0; i < length; i++) value.append(lookAlikes.charAt((i + length) % lookAlikes.length()));
                assertParses("data: " + value + end + "data: z" + end + end, message(value + "\nz"));
            }
        }
    }

    @Test
    void crlfSplitBetweenFeedsIsOneLineEnd() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        feed(parser, "data: a\r");
        feed(parser, "");
        feed(parser, "\ndata: b\r\n");
        assertThat(events).isEmpty(); // a second line end would have dispatched "a" alone
        feed(parser, "\r\n");
        assertThat(events).containsExactly(message("a\nb"));
    }

    @Test
    void multiLineDataIsJoinedWithLf() {
        assertParses("data: a\ndata: b\ndata:\ndata: c\n\n", message("a\nb\n\nc"));
    }

    @Test
    void emptyDataLineDispatchesEmptyData() {
        assertParses("data:\n\ndata:\ndata:\n\n", message(""), message("\n"));
    }

    @Test
    void commentsAreNotEventsAndDoNotEndOne() {
        assertParses(": keep-alive\n\ndata: a\n:\n: more\ndata: b\n\n", message("a\nb"));
    }

    @Test
    void fieldWithoutColonHasEmptyValue() {
        assertParses("data\n\ndata\ndata\n\nevent\ndata: x\n\n", message(""), message("\n"), message("x"));
    }

    @Test
    void exactlyOneSpaceAfterColonIsRemoved() {
        assertParses("data:  two\ndata:none\ndata: \ndata:\ttab\n\n", message(" two\nnone\n\n\ttab"));
    }

    @Test
    void valueKeepsLaterColons() {
        assertParses("data: a: b:c\n\n", message("a: b:c"));
    }

    @Test
    void eventTypeAppliesToItsEventOnly() {
        assertParses("event: update\ndata: a\n\ndata: b\n\nevent:\ndata: c\n\n",
                new SseEvent("update", "a", null, null), message("b"), message("c"));
    }

    @Test
    void eventWithoutDataIsNotDispatchedButIdCarriesOver() {
        assertParses("event: x\nid: 5\n\ndata: a\n\n", new SseEvent("message", "a", "5", null));
    }

    @Test
    void idCarriesOverUntilChangedOrReset() {
        assertParses("id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\nid\ndata: d\n\n",
                new SseEvent("message", "a", "1", null),
                new SseEvent("message", "b", "1", null),
                new SseEvent("message", "c", "2", null),
                message("d"));
    }

    @Test
    void idContainingNulIsIgnored() {
        assertParses("id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n",
                new SseEvent("message", "a", "1", null), new SseEvent("message", "b", "1", null));
    }

    @Test
    void retryTakesOnlyAsciiDigits() {
        assertParses("retry: 3000\ndata: a\n\n"
                        + "retry: 1x\nretry: -1\nretry:\nretry: 1.5\nretry:  7\n"
                        + "retry: 99999999999999999999\ndata: b\n\n"
                        + "retry: 0\ndata: c\n\n",
                new SseEvent("message", "a", null, 3000L),
                new SseEvent("message", "b", null, 3000L),
                new SseEvent("message", "c", null, 0L));
    }

    @Test
    void unknownFieldsAreIgnoredAndNamesAreCaseSensitive() {
        assertParses("foo: bar\nDATA: no\nData: no\ndata : no\ndata: yes\n\n", message("yes"));
    }

    @Test
    void utf8SplitAcrossFeedsDecodesIntact() {
        String text = "héllo € 𝄞 日本";
        byte[] bytes = ("data: " + text + "\n\n").getBytes(UTF_8);
        assertParses(bytes, message(text));

        int clef = ("data: héllo € ").getBytes(UTF_8).length + 2; // inside the 4-byte G clef
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(bytes, 0, clef);
        parser.feed(bytes, clef, bytes.length - clef);
        assertThat(events).containsExactly(message(text));
    }

    @Test
    void malformedUtf8BecomesReplacementCharacter() {
        // "€" is E2 82 AC; its last byte is missing
        byte[] bytes = {'d', 'a', 't', 'a', ':', 'a', (byte) 0xE2, (byte) 0x82, '\n',
            'd', 'a', 't', 'a', ':', 'b', '\n', '\n'};
        assertParses(bytes, message("a\uFFFD\nb"));
    }

    @Test
    void leadingBomIsSkippedOnce() {
        assertParses("\uFEFFdata: a\n\n\uFEFFdata: b\n\n", message("a"));
        assertParses("\uFEFF\ndata: a\n\n", message("a"));
    }

    @Test
    void lastEventWithoutBlankLineIsDeliveredOnFinish() {
        assertParses("data: a\n\ndata: b", message("a"), message("b"));
        assertParses("data: a\n\ndata: b\n", message("a"), message("b"));
        assertParses("data: a\r", message("a"));
        assertParses("event: done\ndata: {}\r\n", new SseEvent("done", "{}", null, null));
    }

    @Test
    void pendingEventWithoutDataIsDroppedOnFinish() {
        assertParses("data: a\n\nevent: x\nid: 3", message("a"));
        assertParses("");
        assertParses(": only a comment");
    }

    @Test
    void eventIsDispatchedDuringTheFeedThatCompletesIt() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        feed(parser, "data: a\n");
        assertThat(events).isEmpty();
        feed(parser, "\ndata: b");
        assertThat(events).containsExactly(message("a"));
    }

    @Test
    void sinkExceptionPropagatesOutOfFeed() {
        IllegalStateException boom = new IllegalStateException("boom");
        SseParser parser = new SseParser(event -> {
            throw boom;
        });
        assertThatThrownBy(() -> feed(parser, "data: a\n\n")).isSameAs(boom);
    }

    @Test
    void feedAfterFinishIsRefused() {
        SseParser parser = new SseParser(event -> { });
        parser.finish();
        parser.finish();
        assertThatThrownBy(() -> feed(parser, "data: a\n\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void heapBufferSliceIsReadFromItsPosition() {
        byte[] backing = "xxdata: a\n\nyy".getBytes(UTF_8);
        ByteBuffer slice = ByteBuffer.wrap(backing, 1, backing.length - 2).slice();
        slice.position(1);
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(slice);
        assertThat(slice.position()).isEqualTo(slice.limit());
        assertThat(events).containsExactly(message("a"));
    }

    @Test
    void longLinesAndManyEventsGrowBuffers() {
        char[] big = new char[100_000];
        Arrays.fill(big, 'x');
        String line = new String(big);
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 3; i++) input.append("data: ").append(line).append('\n');
        input.append('\n');
        assertThat(parse(input.toString().getBytes(UTF_8), 1000))
                .containsExactly(message(line + "\n" + line + "\n" + line));
    }

    @Test
    void lineThatNeverEndsFailsAtTheCapWhicheverWayItIsFed() {
        for (int piece : new int[] {1, 7, 100}) {
            SseParser parser = new SseParser(event -> { }, 64, 1000);
            byte[] x = new byte[piece];
            Arrays.fill(x, (byte) 'x');
            assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) parser.feed(x, 0, x.length);
            }).as("pieces of %d", piece).isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
                assertThat(e.limitBytes()).isEqualTo(64);
                assertThat(e.getMessage()).contains("a line is longer than 64 bytes");
            });
            assertThatThrownBy(() -> feed(parser, "\n")).as("a failed parser stays failed")
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void lineAtTheCapIsParsedAndOneByteMoreFails() {
        String atCap = "data: " + "x".repeat(58); // 64 bytes
        List<SseEvent> events = new ArrayList<>();
        feed(new SseParser(events::add, 64, 1000), atCap + "\n\n");
        assertThat(events).containsExactly(message("x".repeat(58)));
        assertThatThrownBy(() -> feed(new SseParser(event -> { }, 64, 1000), atCap + "x\n\n"))
                .isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void eventWithEndlessDataLinesFailsAtTheEventCap() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add, 64, 100);
        feed(parser, "data: first\n\n");
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1000; i++) feed(parser, "data: 0123456789\n");
        }).isInstanceOfSatisfying(ResponseTooLargeException.class, e -> {
            assertThat(e.limitBytes()).isEqualTo(100);
            assertThat(e.getMessage()).contains("the data of an event is longer than 100 bytes");
        });
        assertThat(events).as("the event before is kept").containsExactly(message("first"));
    }

    @Test
    void eventDataAtTheCapIsDispatched() {
        List<SseEvent> events = new ArrayList<>();
        feed(new SseParser(events::add, 64, 21), "data: 0123456789\ndata: 0123456789\n\n"); // 10 + LF + 10
        assertThat(events).containsExactly(message("0123456789\n0123456789"));
    }

    @Test
    void capsMustBePositive() {
        assertThatThrownBy(() -> new SseParser(event -> { }, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SseParser(event -> { }, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullArgumentsAndBadRangesAreRejected() {
        assertThatThrownBy(() -> new SseParser(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sink == null");
        SseParser parser = new SseParser(event -> { });
        assertThatThrownBy(() -> parser.feed(new byte[4], 2, 3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    private static void feed(SseParser parser, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }
}
