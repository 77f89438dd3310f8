package vn.party.evaluation.inbound;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.party.evaluation.messaging.Inbox;

/** The store of inbound events that matched nothing on arrival. */
@Component
public class UnmatchedEvents {

  /** Enough of the payload for an administrator to recognise the event; the full text stays upstream. */
  static final int MAX_DATA = 20_000;

  static final int MAX_PROBLEM = 2_000;

  /** The columns that keep an event's attributes (V1, V4: inbox and unmatched_event). */
  static final int MAX_ID = 300;

  static final int MAX_SOURCE = 300;
  static final int MAX_TYPE = 200;
  static final int MAX_SUBJECT = 300;

  private final JdbcClient jdbc;
  private final Inbox inbox;

  public UnmatchedEvents(JdbcClient jdbc, Inbox inbox) {
    this.jdbc = jdbc;
    this.inbox = inbox;
  }

  /** An event of a type no handler takes: kept once, however often it is delivered. */
  @Transactional
  public void keepUnsupported(CloudEvent event) {
    if (inbox.firstDelivery(event)) {
      keep(event, null, null, UnmatchedReason.UNSUPPORTED_TYPE);
    }
  }

  /**
   * An event from a producer that may not send its type (issue 12): kept once, changes nothing. The member id, when
   * the data names one, helps the administrator find it; the data stays as it came.
   */
  @Transactional
  public void keepNotAllowed(CloudEvent event, String memberId) {
    if (inbox.firstDelivery(event)) {
      keep(event, null, memberId, UnmatchedReason.PRODUCER_NOT_ALLOWED);
    }
  }

  /**
   * An event whose data does not match its type's schema: kept once with the schema's message, so that the
   * administrator (and the producer) can see what to fix. Member and year are taken when they are readable.
   */
  @Transactional
  public void keepInvalid(CloudEvent event, Integer year, String memberId, String problem) {
    if (inbox.firstDelivery(event)) {
      insert(
          event,
          year,
          memberId,
          UnmatchedReason.INVALID_DATA,
          problem.length() > MAX_PROBLEM ? problem.substring(0, MAX_PROBLEM) : problem);
    }
  }

  /**
   * An event whose own attributes ({@code id}, {@code source}, {@code type}, {@code subject}) hold characters the API
   * refuses, or do not fit (issue 12, outsiders' recheck): kept without the inbox, which remembers events by the very
   * id and source at fault (a NUL made its row fail, lone surrogates made two ids one). The attributes are kept as
   * {@link #readable} text, one for one, so that two such events stay two, and a redelivery is still kept once.
   */
  @Transactional
  public void keepRefusedAttributes(
      CloudEvent event, Integer year, String memberId, String problem) {
    insert(
        readable(event.getSource() == null ? "" : event.getSource().toString(), MAX_SOURCE),
        readable(event.getId(), MAX_ID),
        readable(event.getType(), MAX_TYPE),
        event.getSubject() == null ? null : readable(event.getSubject(), MAX_SUBJECT),
        dataOf(event),
        year,
        memberId,
        UnmatchedReason.INVALID_DATA,
        problem.length() > MAX_PROBLEM ? problem.substring(0, MAX_PROBLEM) : problem);
  }

  /**
   * The attribute as a person can read it and PostgreSQL keep it, distinct for distinct values: a backslash, every
   * control character, a lone surrogate and the bidirectional controls written as a backslash, "u" and four hex
   * digits (a backslash as two); too long for its column, cut and ended by a checksum of the whole.
   */
  static String readable(String value, int max) {
    if (value == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        out.append(c).append(value.charAt(++i));
      } else if (c == '\\') {
        out.append("\\\\");
      } else if (Character.isISOControl(c)
          || Character.isSurrogate(c)
          || c >= '\u202A' && c <= '\u202E'
          || c >= '\u2066' && c <= '\u2069') {
        out.append(String.format("\\u%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    if (out.length() <= max) {
      return out.toString();
    }
    String sum =
        HexFormat.of()
            .formatHex(sha256(value.getBytes(StandardCharsets.UTF_16BE)))
            .substring(0, 16);
    int cut = max - sum.length() - 1;
    if (Character.isHighSurrogate(out.charAt(cut - 1))) {
      cut--;
    }
    return out.substring(0, cut) + "…" + sum;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** Keeps the event, once per (source, id), in the caller's transaction (the one that wrote the inbox row). */
  @Transactional(propagation = Propagation.MANDATORY)
  public void keep(CloudEvent event, Integer year, String memberId, UnmatchedReason reason) {
    insert(event, year, memberId, reason, null);
  }

  private void insert(
      CloudEvent event, Integer year, String memberId, UnmatchedReason reason, String problem) {
    insert(
        event.getSource().toString(),
        event.getId(),
        event.getType(),
        event.getSubject(),
        dataOf(event),
        year,
        memberId,
        reason,
        problem);
  }

  private void insert(
      String source,
      String id,
      String type,
      String subject,
      String data,
      Integer year,
      String memberId,
      UnmatchedReason reason,
      String problem) {
    data = storable(data);
    if (data != null && data.length() > MAX_DATA) {
      data = data.substring(0, MAX_DATA);
    }
    problem = storable(problem);
    jdbc.sql(
            """
            insert into evaluation.unmatched_event (source, event_id, type, subject, member_id, year, reason, data,
                                                    problem)
            values (:source, :id, :type, :subject, :member, :year, :reason, :data, :problem) on conflict do nothing""")
        .param("source", source)
        .param("id", id)
        .param("type", type)
        .param("subject", subject)
        .param("member", memberId)
        .param("year", year)
        .param("reason", reason.name())
        .param("data", data)
        .param("problem", problem)
        .update();
  }

  private static String dataOf(CloudEvent event) {
    if (event.getData() == null) {
      return null;
    }
    try {
      return new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    } catch (RuntimeException unwritable) {
      // JSON data holding a lone surrogate cannot be written back as UTF-8: the problem says why
      return null;
    }
  }

  /**
   * The text as PostgreSQL can keep it: a NUL (which it refuses: the event used to be lost in the dead-letter
   * topic) and a lone surrogate (which it would keep as "?") become U+FFFD, so that the administrator sees where
   * they were (issue 12).
   */
  static String storable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder kept = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        kept.append(c).append(text.charAt(++i));
      } else if (c == '\u0000' || Character.isSurrogate(c)) {
        kept.append('\uFFFD');
      } else {
        kept.append(c);
      }
    }
    return kept.toString();
  }

  /**
   * The latest unmatched events, newest first, optionally of one reason. {@code evaluationStarted} tells whether
   * the member has an evaluation for the year by now (then an early comment has been picked up).
   */
  public List<UnmatchedEvent> latest(UnmatchedReason reason, int limit) {
    return jdbc.sql(
            """
            select u.id, u.source, u.event_id, u.type, u.subject, u.member_id, u.year, u.reason, u.data,
                   u.problem, u.received_at,
                   exists (select 1 from evaluation.member_evaluation e
                           where e.year = u.year and e.member_id = u.member_id) as evaluation_started
            from evaluation.unmatched_event u
            where cast(:reason as varchar) is null or u.reason = cast(:reason as varchar)
            order by u.received_at desc, u.id desc limit :limit""")
        .param("reason", reason == null ? null : reason.name())
        .param("limit", limit)
        .query(UnmatchedEvent.class)
        .list();
  }

  public record UnmatchedEvent(
      long id,
      String source,
      String eventId,
      String type,
      String subject,
      String memberId,
      Integer year,
      UnmatchedReason reason,
      String data,
      String problem,
      OffsetDateTime receivedAt,
      boolean evaluationStarted) {}
}
