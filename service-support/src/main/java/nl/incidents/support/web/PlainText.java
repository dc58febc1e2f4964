package nl.incidents.support.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text a person typed: valid Unicode (no lone surrogate, no noncharacter such as U+FFFF) without
 * control characters, except line breaks ({@code \n}, or {@code \r\n} as browsers send them) and tabs
 * where {@link #multiline()}. A NUL or an escape sequence in a stored summary would reach every
 * dossier, mail and export that shows it. Null counts as valid: {@code @NotNull} says whether it may be absent.
 */
@Documented
@Constraint(validatedBy = PlainText.Check.class)
@Target({FIELD, METHOD, PARAMETER, RECORD_COMPONENT})
@Retention(RUNTIME)
public @interface PlainText {

    /** Whether line breaks and tabs are allowed (a summary) or not (a reference, a link). */
    boolean multiline() default true;

    String message() default "must be plain text: valid Unicode without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The rule, for {@link PlainText}. */
    final class Check implements ConstraintValidator<PlainText, CharSequence> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(CharSequence text, ConstraintValidatorContext context) {
            return text == null || isPlain(text, multiline);
        }

        /** Whether {@code text} is plain text; see {@link PlainText}. */
        public static boolean isPlain(CharSequence text, boolean multiline) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                        return false;
                    }
                    int codePoint = Character.toCodePoint(c, text.charAt(++i));
                    if (noncharacter(codePoint)) {
                        return false;
                    }
                } else if (Character.isLowSurrogate(c) || noncharacter(c)) {
                    return false;
                } else if (Character.isISOControl(c)) {
                    boolean lineBreak = c == '\n' || (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n');
                    if (!multiline || !(lineBreak || c == '\t')) {
                        return false;
                    }
                }
            }
            return true;
        }

        private static boolean noncharacter(int codePoint) {
            return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
        }
    }
}
