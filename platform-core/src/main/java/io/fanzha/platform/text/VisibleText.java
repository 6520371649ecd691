package io.fanzha.platform.text;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A one-line text such as a name or a theme: at least one visible character ({@code @NotBlank} takes a
 * zero-width space for text) and no line break. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = VisibleText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface VisibleText {

    String message() default "must be one line with at least one visible character";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<VisibleText, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (Text.hasVisibleCharacter(value) && value.indexOf('\n') < 0 && value.indexOf('\r') < 0);
        }
    }
}
