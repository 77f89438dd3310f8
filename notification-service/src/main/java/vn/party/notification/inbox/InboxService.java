package vn.party.notification.inbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.party.notification.compose.EmailContent;
import vn.party.notification.compose.Links;
import vn.party.notification.compose.NotificationComposer;
import vn.party.notification.compose.NotificationKind;
import vn.party.notification.compose.Params;
import vn.party.notification.compose.RenderedText;
import vn.party.notification.config.NotificationProperties;
import vn.party.notification.directory.UserDirectory;
import vn.party.notification.directory.UserDirectory.DirectoryUser;
import vn.party.notification.email.EmailOutboxRepository;
import vn.party.notification.inapp.Notification;
import vn.party.notification.inapp.NotificationRepository;
import vn.party.notification.preference.PreferenceService;

/**
 * Turns one event into in-app notifications and queued e-mails, exactly once per event: the
 * processed-event mark, the notifications and the outbox rows commit together or not at all. A recipient
 * who chose in-app notifications only ({@link PreferenceService}) gets no e-mail, except the notices about their own
 * account's password (issue 12: a password set by someone else, or changed, is how a take-over would be noticed).
 *
 * <p>Issue 12: an event names its recipients by user id only. Their names and e-mail addresses come from the
 * {@link UserDirectory} (an {@code email} in the event is ignored, an id nobody has is dropped), and a link is kept
 * only if it is under evaluation-service's public URL ({@link Links}).
 */
@Service
public class InboxService {

  private static final Logger log = LoggerFactory.getLogger(InboxService.class);

  private final ProcessedEventRepository processedEvents;
  private final NotificationRepository notifications;
  private final EmailOutboxRepository outbox;
  private final NotificationComposer composer;
  private final PreferenceService preferences;
  private final UserDirectory directory;
  private final Links links;
  private final Locale locale;

  InboxService(
      ProcessedEventRepository processedEvents,
      NotificationRepository notifications,
      EmailOutboxRepository outbox,
      NotificationComposer composer,
      PreferenceService preferences,
      UserDirectory directory,
      Links links,
      NotificationProperties properties) {
    this.directory = directory;
    this.links = links;
    this.processedEvents = processedEvents;
    this.notifications = notifications;
    this.outbox = outbox;
    this.composer = composer;
    this.preferences = preferences;
    this.locale = properties.locale();
  }

  /** Returns how many notifications were created: 0 for an event seen before. */
  @Transactional
  public int accept(InboundEvent event) {
    Draft draft = draft(event);
    if (draft == null) {
      return 0;
    }
    if (!processedEvents.markProcessed(event.source(), event.id(), event.type())) {
      log.info(
          "Event {} from {} was already processed; ignoring the redelivery",
          event.id(),
          event.source());
      return 0;
    }
    // One notification per person even if the producer lists someone twice; who they are and where
    // their e-mail
    // goes is the directory's word, not the event's.
    Set<String> named = new LinkedHashSet<>();
    draft.recipients().forEach(r -> named.add(r.userId().strip()));
    Map<String, DirectoryUser> found = directory.find(named);
    Map<String, DirectoryUser> recipients = new LinkedHashMap<>();
    for (String userId : named) {
      if (found.containsKey(userId)) {
        recipients.put(userId, found.get(userId));
      } else {
        log.warn(
            "Event {} ({}) names user {}, who is not in the directory; not notified",
            event.id(),
            event.type(),
            userId);
      }
    }
    if (recipients.isEmpty()) {
      log.warn(
          "Event {} ({}) names no known recipients; nobody is notified", event.id(), event.type());
    }
    // a notice about one's own account (issue 12) is mailed whatever the preference: it is how a
    // take-over is noticed
    Set<String> inAppOnly =
        draft.mailAlways() ? Set.of() : preferences.emailDisabledAmong(recipients.keySet());
    RenderedText text = composer.inApp(draft.kind(), draft.params(), locale);
    for (Map.Entry<String, DirectoryUser> entry : recipients.entrySet()) {
      DirectoryUser recipient = entry.getValue();
      UUID notificationId = UUID.randomUUID();
      notifications.insert(
          new Notification(
              notificationId,
              entry.getKey(),
              draft.kind(),
              text.title(),
              text.body(),
              draft.link(),
              draft.params(),
              event.source(),
              event.id(),
              null,
              null));
      if (recipient.hasEmail() && inAppOnly.contains(entry.getKey())) {
        log.debug(
            "Event {}: {} chose in-app notifications only; no e-mail", event.id(), entry.getKey());
      } else if (recipient.hasEmail()) {
        EmailContent email =
            composer.email(
                draft.kind(), draft.params(), recipient.nameForGreeting(), draft.link(), locale);
        outbox.enqueue(notificationId, recipient.email().strip(), email);
      }
      if (draft.alsoMail() != null
          && !draft
              .alsoMail()
              .equalsIgnoreCase(recipient.hasEmail() ? recipient.email().strip() : "")) {
        outbox.enqueue(
            notificationId,
            draft.alsoMail(),
            composer.email(
                draft.kind(),
                draft.params(),
                draft.alsoMailName() != null ? draft.alsoMailName() : recipient.nameForGreeting(),
                draft.link(),
                locale));
      }
    }
    log.info(
        "Event {} ({}) from {}: {} notification(s) created",
        event.id(),
        event.type(),
        event.source(),
        recipients.size());
    return recipients.size();
  }

  private Draft draft(InboundEvent event) {
    if (event.payload() instanceof TaskEvent task) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(task.year()));
      putIfPresent(params, Params.TASK_KEY, task.taskKey());
      params.put(Params.TASK_NAME, task.taskName().strip());
      if (task.memberName() != null && !task.memberName().isBlank()) {
        params.put(Params.MEMBER_NAME, task.memberName().strip());
      } else {
        // a committee's task about a collective or the organization: named by its subject
        params.put(Params.MEMBER_NAME, task.subjectName().strip());
        params.put(Params.SUBJECT_NAME, task.subjectName().strip());
      }
      putIfPresent(params, Params.DUE_DATE, task.dueDate());
      NotificationKind kind = NotificationKind.TASK_ASSIGNED;
      if (task instanceof TaskReminderData) {
        kind = NotificationKind.TASK_REMINDER;
      } else if (task instanceof TaskOverdueData overdue) {
        kind = NotificationKind.TASK_OVERDUE;
        putIfPresent(params, Params.ESCALATED_TO, overdue.escalatedTo());
      }
      return new Draft(kind, params, link(event, task.taskUrl()), task.recipients(), false, null);
    }
    if (event.payload() instanceof CaseReturnedData returned) {
      if (returned.recipientsOrNone().isEmpty()) {
        // An older producer names nobody (and no memberName): logged below, marked processed, not
        // dead-lettered.
        return new Draft(NotificationKind.CASE_RETURNED, Map.of(), null, List.of(), false, null);
      }
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(returned.year()));
      params.put(Params.MEMBER_NAME, returned.memberName().strip());
      putIfPresent(params, Params.REASON, returned.reason());
      return new Draft(
          NotificationKind.CASE_RETURNED, params, null, returned.recipients(), false, null);
    }
    if (event.payload() instanceof MemberDecidedData decided) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(decided.year()));
      params.put(Params.MEMBER_NAME, decided.memberName().strip());
      params.put(Params.LEVEL, decided.decidedLevel().name());
      putIfPresent(params, Params.COMMENT, decided.decisionComment());
      if (Boolean.TRUE.equals(decided.aboveQuota())) {
        params.put(Params.ABOVE_QUOTA, "true");
      }
      // the member's record page; an older producer names none: the same page, built here
      String record =
          decided.evaluationUrl() != null
              ? decided.evaluationUrl()
              : links.page("app/evaluations/" + decided.year() + "/" + decided.memberId());
      return new Draft(
          NotificationKind.MEMBER_DECIDED,
          params,
          link(event, record),
          decided.recipients(),
          false,
          null);
    }
    if (event.payload() instanceof ResultAnnouncedData announced) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(announced.year()));
      params.put(Params.MEMBER_NAME, announced.memberName().strip());
      params.put(Params.LEVEL, announced.decidedLevel().name());
      putIfPresent(params, Params.COMMENT, announced.decisionComment());
      params.put(Params.COMPLAINT_WINDOW_END, announced.complaintWindowEnd());
      return new Draft(
          NotificationKind.RESULT_ANNOUNCED,
          params,
          link(event, announced.evaluationUrl()),
          announced.recipients(),
          false,
          null);
    }
    if (event.payload() instanceof MemberReratedData rerated) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(rerated.year()));
      params.put(Params.MEMBER_NAME, rerated.memberName().strip());
      params.put(Params.ORIGINAL_LEVEL, rerated.originalLevel().name());
      params.put(Params.LEVEL, rerated.reratedLevel().name());
      putIfPresent(params, Params.COMMENT, rerated.comment());
      putIfPresent(params, Params.REASON, rerated.disciplineDecisionId());
      return new Draft(
          NotificationKind.MEMBER_RERATED, params, null, rerated.recipients(), false, null);
    }
    if (event.payload() instanceof MemberReappraisedData reappraised) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(reappraised.year()));
      params.put(Params.MEMBER_NAME, reappraised.memberName().strip());
      params.put(Params.ORIGINAL_LEVEL, reappraised.originalLevel().name());
      params.put(Params.LEVEL, reappraised.reappraisedLevel().name());
      putIfPresent(params, Params.COMMENT, reappraised.comment());
      return new Draft(
          NotificationKind.MEMBER_REAPPRAISED,
          params,
          link(event, reappraised.evaluationUrl()),
          reappraised.recipients(),
          false,
          null);
    }
    if (event.payload() instanceof MemberLevelAdjustedData adjusted) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.YEAR, String.valueOf(adjusted.year()));
      params.put(Params.MEMBER_NAME, adjusted.memberName().strip());
      params.put(Params.ORIGINAL_LEVEL, adjusted.fromLevel().name());
      params.put(Params.LEVEL, adjusted.toLevel().name());
      putIfPresent(params, Params.REASON, adjusted.reason());
      return new Draft(
          NotificationKind.MEMBER_LEVEL_ADJUSTED, params, null, adjusted.recipients(), false, null);
    }
    if (event.payload() instanceof AccountSignInThrottledData throttled) {
      // for the administrators the directory names: the event names nobody
      Map<String, String> params = new LinkedHashMap<>();
      params.put(Params.ACCOUNT, directory.accountName(throttled.userId()));
      params.put(Params.FAILURES, String.valueOf(throttled.failures()));
      params.put(Params.BLOCKED_UNTIL, throttled.blockedUntil());
      List<RecipientData> administrators =
          directory.administrators().stream().map(id -> new RecipientData(id, null, null)).toList();
      return new Draft(
          NotificationKind.ACCOUNT_SIGN_IN_THROTTLED,
          params,
          links.page("app/admin/sign-ins"),
          administrators,
          false,
          null);
    }
    if (event.payload() instanceof AccountChangedData changed) {
      // the holder, at the directory's address; who set it is named from the directory too
      Map<String, String> params = new LinkedHashMap<>();
      params.put(
          Params.CHANGED_AT,
          (event.time() == null ? Instant.now() : event.time().toInstant()).toString());
      List<RecipientData> holder = List.of(new RecipientData(changed.userId().strip(), null, null));
      if (changed.change() == AccountChangedData.Change.PASSWORD_CHANGED
          && (changed.changedBy() == null
              || changed.changedBy().strip().equals(changed.userId().strip()))) {
        return new Draft(
            NotificationKind.ACCOUNT_PASSWORD_CHANGED, params, null, holder, true, null);
      }
      if (changed.changedBy() != null && !changed.changedBy().isBlank()) {
        params.put(Params.CHANGED_BY, directory.accountName(changed.changedBy().strip()));
      }
      return new Draft(
          NotificationKind.ACCOUNT_PASSWORD_RESET,
          params,
          links.page("app/password"),
          holder,
          true,
          null);
    }
    if (event.payload() instanceof AccountEmailChangedData changed) {
      // the holder at the directory's (new) address, and the address it was: a hijacked address is
      // noticed there
      Map<String, String> params = new LinkedHashMap<>();
      params.put(
          Params.CHANGED_AT,
          (event.time() == null ? Instant.now() : event.time().toInstant()).toString());
      if (changed.changedBy() != null && !changed.changedBy().isBlank()) {
        params.put(Params.CHANGED_BY, directory.accountName(changed.changedBy().strip()));
      }
      // the previous address is its holder's: greeted by the name the account had when the same
      // change renamed it (an adoption by the roster import), not the name it was given
      return new Draft(
          NotificationKind.ACCOUNT_EMAIL_CHANGED,
          params,
          links.page("app"),
          List.of(new RecipientData(changed.userId().strip(), null, null)),
          true,
          changed.previousEmail().strip(),
          changed.previousName() == null || changed.previousName().isBlank()
              ? null
              : changed.previousName().strip());
    }
    return null;
  }

  private String link(InboundEvent event, String url) {
    String link = links.allowed(url);
    if (link == null && url != null && !url.isBlank()) {
      log.warn(
          "Event {} carries a link that is not under evaluation-service's public URL; it is left out",
          event.id());
    }
    return link;
  }

  private static void putIfPresent(Map<String, String> params, String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value.strip());
    }
  }

  /**
   * @param alsoMail an address outside the directory that gets the holder's e-mail too: only the previous address of
   *     an e-mail change (seventh session's outsider, 5b), null otherwise
   * @param alsoMailName how the e-mail to {@code alsoMail} greets its reader; null: as the holder is greeted
   */
  private record Draft(
      NotificationKind kind,
      Map<String, String> params,
      String link,
      List<RecipientData> recipients,
      boolean mailAlways,
      String alsoMail,
      String alsoMailName) {

    Draft(
        NotificationKind kind,
        Map<String, String> params,
        String link,
        List<RecipientData> recipients,
        boolean mailAlways,
        String alsoMail) {
      this(kind, params, link, recipients, mailAlways, alsoMail, null);
    }
  }
}
