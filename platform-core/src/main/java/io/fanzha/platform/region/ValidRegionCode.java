package io.fanzha.platform.region;

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
 * A request field that must hold a region code, judged by {@link RegionCode} itself so that a
 * body and a path parameter accept exactly the same codes. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = ValidRegionCode.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidRegionCode {

    String message() default "must be a region code: 6, 9, 12 or 15 digits, no zero segment";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidRegionCode, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || RegionCode.isValid(value);
        }
    }
}
