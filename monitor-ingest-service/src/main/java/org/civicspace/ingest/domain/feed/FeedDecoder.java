package org.civicspace.ingest.domain.feed;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text. Precedence: the charset in the HTTP Content-Type, else the XML prolog's
 * {@code encoding}, else what the bytes show (a byte-order mark, or UTF-16 spelling of
 * {@code <?}), else UTF-8. A declaration is passed over, with a warning, only when the bytes
 * prove it wrong: a byte-order mark of another encoding, bytes invalid in it, or no markup.
 */
final class FeedDecoder {

    private static final Pattern HTTP_CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROLOG_ENCODING = Pattern.compile("<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    // enough characters to hold a prolog, with some garbage in front of it
    private static final int HEAD = 2048;

    private FeedDecoder() {
    }

    static String decode(byte[] body, String httpContentType, List<String> warnings) {
        Charset shown = shownByBytes(body);
        Optional<Charset> http = charsetOfHeader(httpContentType, warnings);
        if (http.isPresent()) {
            Optional<String> text = decodeIfRight(body, shown, http.get());
            if (text.isPresent()) {
                return text.get();
            }
            warnings.add("the HTTP header declares " + http.get().name() + ", but the body is not "
                    + http.get().name() + "; the header was ignored");
        }
        Optional<Charset> declared = charsetOfProlog(body, shown, warnings);
        if (declared.isPresent()) {
            Optional<String> text = decodeIfRight(body, shown, declared.get());
            if (text.isPresent()) {
                return text.get();
            }
            warnings.add("the XML prolog declares " + declared.get().name() + ", but the body is not "
                    + declared.get().name() + "; the declaration was ignored");
        }
        Charset fallback = shown == null ? StandardCharsets.UTF_8 : shown;
        Optional<String> text = decodeIfRight(body, shown, fallback);
        if (text.isPresent()) {
            return text.get();
        }
        warnings.add("the body is not valid " + fallback.name() + "; characters that could not be read were replaced");
        return stripByteOrderMark(new String(body, fallback));
    }

    /** The encoding the bytes themselves show: a byte-order mark, or how {@code <?} is spelled (XML 1.0, appendix F). */
    private static Charset shownByBytes(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF) || startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00) || startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return StandardCharsets.UTF_8;
        }
        if (startsWith(b, 0xFE, 0xFF) || startsWith(b, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Optional<Charset> charsetOfHeader(String contentType, List<String> warnings) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher charset = HTTP_CHARSET.matcher(contentType);
        return charset.find() ? charsetNamed(charset.group(1), "the HTTP header", warnings) : Optional.empty();
    }

    private static Optional<Charset> charsetOfProlog(byte[] body, Charset shown, List<String> warnings) {
        boolean wide = shown != null && shown != StandardCharsets.UTF_8;
        // an ASCII-compatible prolog reads the same in every ASCII-compatible charset
        Charset reading = wide ? shown : StandardCharsets.ISO_8859_1;
        String head = new String(body, 0, Math.min(body.length, HEAD * 4), reading);
        Matcher encoding = PROLOG_ENCODING.matcher(head);
        return encoding.find() ? charsetNamed(encoding.group(1), "the XML prolog", warnings) : Optional.empty();
    }

    private static Optional<Charset> charsetNamed(String name, String where, List<String> warnings) {
        try {
            return Optional.of(Charset.forName(name));
        } catch (IllegalArgumentException unknown) {
            warnings.add(where + " declares the unknown charset " + name + "; it was ignored");
            return Optional.empty();
        }
    }

    /** The text, unless the bytes prove the charset wrong. */
    private static Optional<String> decodeIfRight(byte[] body, Charset shown, Charset charset) {
        if (shown != null && !family(shown).equals(family(charset))) {
            return Optional.empty();
        }
        String text;
        try {
            // malformed bytes prove a charset wrong; a byte it leaves unmapped (0x98 in windows-1251) does not
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(body));
            text = stripByteOrderMark(chars.toString());
        } catch (CharacterCodingException malformed) {
            return Optional.empty();
        }
        String head = text.substring(0, Math.min(text.length(), HEAD));
        // U+0000 is never in XML; it shows UTF-16 read as if it were an 8-bit charset
        boolean markup = head.indexOf('<') >= 0 && head.indexOf('\u0000') < 0;
        return markup ? Optional.of(text) : Optional.empty();
    }

    private static String family(Charset charset) {
        String name = charset.name().toUpperCase(Locale.ROOT);
        if (name.startsWith("UTF-16")) {
            return "UTF-16";
        }
        if (name.startsWith("UTF-32")) {
            return "UTF-32";
        }
        // every other charset a feed declares is ASCII-compatible and cannot follow a UTF-8 byte-order mark
        return name.equals("UTF-8") ? "UTF-8" : "8-bit";
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
