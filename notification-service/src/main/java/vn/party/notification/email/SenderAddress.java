package vn.party.notification.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code notification.mail.from}, e.g. {@code Hệ thống đánh giá, xếp loại <no-reply@…>}.
 * InternetAddress alone would read the comma in the name as two addresses and would not encode
 * the Vietnamese name, so the name and the address are split here.
 */
final class SenderAddress {

  private static final Pattern NAME_AND_ADDRESS = Pattern.compile("^\\s*(.*?)\\s*<([^<>]+)>\\s*$");

  private SenderAddress() {}

  static InternetAddress parse(String from) {
    Matcher matcher = NAME_AND_ADDRESS.matcher(from);
    try {
      if (!matcher.matches()) {
        InternetAddress address = new InternetAddress(from.strip(), true);
        return address;
      }
      String name = matcher.group(1);
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1);
      }
      InternetAddress address = new InternetAddress(matcher.group(2).strip(), true);
      return name.isBlank()
          ? address
          : new InternetAddress(address.getAddress(), name, StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException(
          "notification.mail.from is not an e-mail address: " + from, e);
    }
  }
}
