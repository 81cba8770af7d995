package fr.tremplin.schools.domain;

import java.util.regex.Pattern;

/** The Unité Administrative Immatriculée of a school: seven digits and a capital letter. */
public final class Uai {

    public static final String PATTERN = "^[0-9]{7}[A-Z]$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Uai() {
    }

    public static boolean isValid(String uai) {
        return uai != null && COMPILED.matcher(uai).matches();
    }
}
