package org.civicspace.export.update.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The protected persons of an update and how to hide them in a text: every run of words that
 * spells one of them — Latin or Cyrillic, any letter case, and the common Russian case endings
 * ("Иванова", "Ивановым", "Анны") — becomes that person's pseudonym. A single word of a name
 * (the surname alone) is enough; an initial right before it goes with it. It errs on the side of
 * hiding: a stranger who shares a protected person's surname is hidden too.
 */
public final class ProtectedPersons {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}'’]+");
    private static final Pattern JOINER = Pattern.compile("[\\s\\-‐.]*");
    private static final Pattern INITIALS = Pattern.compile("(?<!\\p{L})(?:\\p{L}\\.\\s*)+$");
    /** Case and number endings after transliteration and folding (а, у, е, ом, ым, ой, ого, …) and English 's. */
    private static final Set<String> ENDINGS = Set.of("a", "u", "e", "i", "o", "om", "im", "em", "oi", "ei", "ou",
            "ogo", "omu", "ego", "emu", "ami", "ah", "am", "s");

    private final Pseudonyms pseudonyms;
    /** Each protected person's tokens, with their pseudonym. */
    private final Map<Set<String>, String> persons = new HashMap<>();

    public ProtectedPersons(Pseudonyms pseudonyms, Collection<String> names) {
        this.pseudonyms = pseudonyms;
        for (String name : names) {
            Set<String> tokens = Pseudonyms.nameTokens(name);
            if (!tokens.isEmpty()) {
                persons.put(tokens, pseudonyms.pseudonymOfTokens(tokens));
            }
        }
    }

    /** The person's pseudonym if they are protected, else their name as written. */
    public String nameOrPseudonym(String name, boolean isProtected) {
        return isProtected ? pseudonyms.pseudonymOf(name) : hide(name);
    }

    /** Whether any word of {@code text} spells a protected person. */
    public boolean mentionedIn(String text) {
        return !hide(text).equals(text);
    }

    /** The text with each protected person replaced by their pseudonym. */
    public String hide(String text) {
        if (text == null || persons.isEmpty()) {
            return text;
        }
        List<int[]> words = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String owner = ownerOf(Pseudonyms.token(matcher.group()));
            if (owner != null) {
                words.add(new int[] {matcher.start(), matcher.end()});
                owners.add(owner);
            }
        }
        if (words.isEmpty()) {
            return text;
        }
        StringBuilder hidden = new StringBuilder();
        int copied = 0;
        int i = 0;
        while (i < words.size()) {
            int start = words.get(i)[0];
            int end = words.get(i)[1];
            String pseudonym = owners.get(i);
            // the next hidden word joins this run if only spaces, hyphens or dots stand between them
            while (i + 1 < words.size() && JOINER.matcher(text.substring(end, words.get(i + 1)[0])).matches()) {
                i++;
                end = words.get(i)[1];
            }
            start = withInitials(text, copied, start);
            hidden.append(text, copied, start).append(pseudonym);
            copied = end;
            i++;
        }
        return hidden.append(text.substring(copied)).toString();
    }

    /** Moves {@code start} back over initials ("M. ", "M.A. ") written right before a name. */
    private static int withInitials(String text, int floor, int start) {
        Matcher initials = INITIALS.matcher(text.substring(floor, start));
        return initials.find() ? floor + initials.start() : start;
    }

    private String ownerOf(String token) {
        if (token.length() < 2) {
            return null;
        }
        for (Map.Entry<Set<String>, String> person : persons.entrySet()) {
            for (String nameToken : person.getKey()) {
                if (token.equals(nameToken) || declined(token, nameToken)) {
                    return person.getValue();
                }
            }
        }
        return null;
    }

    private static boolean declined(String token, String nameToken) {
        if (nameToken.length() < 3) {
            return false;
        }
        String stem = nameToken.replaceFirst("[aeiou]$", "");
        return stem.length() >= 2 && token.startsWith(stem) && ENDINGS.contains(token.substring(stem.length()));
    }
}
