package vn.party.evaluation.account;

import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * The one place that makes first passwords: 12 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about
 * 70 bits from {@link SecureRandom}. Shown once to whoever created the account, never stored in clear (the engine keeps
 * a salted hash). Kept apart so the "must change the password at first sign-in" flag can be set in the same call once
 * it exists.
 */
@Component
public class OneTimePasswords {

  private static final char[] ALPHABET =
      "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
  private static final int LENGTH = 12;

  private final SecureRandom random = new SecureRandom();

  public String generate() {
    char[] password = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      password[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(password);
  }
}
