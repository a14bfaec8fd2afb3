package org.actionlearning.command.identity;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * An email address mail can be delivered to: the one rule for every address the platform accepts (an account's
 * contact address, a member's reminder address). {@code local@domain}: a local part of at most 64 letters, digits
 * and {@code !#$%&'*+/=?^_`{|}~-} in dot-separated runs (no leading, trailing or doubled dot); a domain of at least
 * two labels, each 1 to 63 letters, digits or inner hyphens, ending in a top-level label of 2 or more letters; 254
 * characters at most. Null or blank is valid (no address). Bean Validation's {@code @Email} also accepts
 * {@code a@b}, a host no mail reaches.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

    String message() default "is not an email address (name@example.org)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<EmailAddress, String> {

        private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
        private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
        private static final Pattern ADDRESS = Pattern.compile(
                "(?=[^@]{1,64}@)" + ATOM + "(?:\\." + ATOM + ")*@(?:" + LABEL + "\\.)+[A-Za-z]{2,63}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || isAddress(value.trim());
        }

        static boolean isAddress(String address) {
            return address.length() <= 254 && ADDRESS.matcher(address).matches();
        }
    }
}
