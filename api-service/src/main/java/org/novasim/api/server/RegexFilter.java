package org.novasim.api.server;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.novasim.api.web.ApiException;

/**
 * A {@code name} or {@code ip} filter: a regular expression, as Nova hands it to the database's REGEXP, but with a
 * budget. Java's matcher backtracks, so a pattern such as {@code (a+)+$} can take minutes on one short name; here
 * every character the matcher reads costs a step, and a request that spends its budget is refused with a 400
 * naming the filter, instead of holding a thread.
 */
final class RegexFilter {

    static final int MAX_PATTERN_LENGTH = 255;

    private final String field;
    private final Pattern pattern;
    private long stepsLeft;

    private RegexFilter(String field, Pattern pattern, long steps) {
        this.field = field;
        this.pattern = pattern;
        this.stepsLeft = steps;
    }

    /** The filter, or a 400 if the pattern is too long or not a regular expression. */
    static RegexFilter of(String field, String regex, long steps) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw ApiException.badRequest("Invalid input for field/attribute " + field
                    + ". The regular expression is longer than " + MAX_PATTERN_LENGTH + " characters.");
        }
        try {
            return new RegexFilter(field, Pattern.compile(regex), steps);
        } catch (PatternSyntaxException | StackOverflowError e) {
            throw ApiException.badRequest("Invalid regular expression in " + field + ": " + regex);
        }
    }

    /** Whether the pattern occurs in the text; spends steps from the request's budget. */
    boolean find(String text) {
        try {
            return pattern.matcher(new Metered(text)).find();
        } catch (StackOverflowError e) {
            throw tooCostly();
        }
    }

    private ApiException tooCostly() {
        return ApiException.badRequest("Invalid input for field/attribute " + field
                + ". The regular expression is too costly to evaluate; simplify it.");
    }

    /** The text, counting every character the matcher reads. */
    private final class Metered implements CharSequence {

        private final String text;

        Metered(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (--stepsLeft < 0) {
                throw tooCostly();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Metered(text.substring(start, end));
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
