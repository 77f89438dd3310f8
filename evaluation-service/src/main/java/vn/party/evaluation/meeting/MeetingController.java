package vn.party.evaluation.meeting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.party.evaluation.meeting.MeetingApi.AgendaView;
import vn.party.evaluation.meeting.MeetingApi.MeetingRecorded;
import vn.party.evaluation.meeting.MeetingApi.MeetingRequest;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.ApiExceptionHandler;
import vn.party.evaluation.web.FieldProblem;
import vn.party.evaluation.web.TypedBodyProblems;

/**
 * The branch meeting through the API, for a system that keeps the minutes elsewhere: the same record and the same
 * checks as the meeting page (MeetingService), answered as JSON.
 */
@RestController
@RequestMapping("/api/v1/branches/{branchId}/meetings/{year}")
@Tag(name = "Họp chi bộ / branch meetings")
public class MeetingController {

  private final MeetingService meetings;
  private final MeetingMapper mapper;
  private final ObjectMapper json;
  private final MeetingProblems words;

  public MeetingController(
      MeetingService meetings, MeetingMapper mapper, ObjectMapper json, MeetingProblems words) {
    this.words = words;
    this.meetings = meetings;
    this.mapper = mapper;
    this.json = json;
  }

  @GetMapping("/agenda")
  @Operation(
      summary = "Đảng viên chờ chi bộ kiểm điểm / the members whose branch review is open",
      description =
          "The branch committee (or an administrator) only: each open branch-review task with the member, "
              + "the self-proposed level and the level cap that applies.")
  public List<AgendaView> agenda(
      @PathVariable String branchId,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user) {
    return mapper.toViews(meetings.agenda(branchId, year, user));
  }

  @PostMapping
  @Operation(
      summary = "Ghi biên bản họp chi bộ / record the review meeting",
      description =
          "Attendance once, then each member's criticism, votes per level and proposal. Checked whole "
              + "first — attendance, the vote rule against the members entitled to vote, the form's rules and the caps — "
              + "then the minutes and every branch review with a proposal are written in one transaction: 201, or 400 "
              + "with every problem (fields of an entry as entries[taskId].field) and nothing written.")
  public ResponseEntity<MeetingRecorded> record(
      @PathVariable String branchId,
      @PathVariable int year,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(schema = @Schema(implementation = MeetingRequest.class)))
          @RequestBody
          JsonNode body,
      @AuthenticationPrincipal CurrentUser user) {
    MeetingService.allowed(branchId, user); // a stranger learns nothing from the body's problems
    if (body == null || !body.isObject()) {
      throw words.notAnObject();
    }
    MeetingRequest request;
    try {
      request = read(body);
    } catch (ApiException refused) {
      // in words, naming the members of the agenda (no path, no task id in a message)
      throw words.refusal(refused.problems(), meetings.memberNames(branchId, year, user));
    }
    Meeting meeting = mapper.toMeeting(request);
    UUID id;
    try {
      id = meetings.record(branchId, year, meeting, user);
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      // named as the request sent them: proposedLevel, votes.GOOD (fourteenth session, MEDIUM 8)
      throw new ApiException(
          refused.status(),
          refused.messageKey(),
          refused.problems().stream()
              .map(p -> new FieldProblem(asSent(p.field()), p.reason(), p.message(), p.bounds()))
              .toList(),
          refused.arguments());
    }
    List<String> completed =
        meeting.entries().stream()
            .filter(entry -> entry.proposedLevel() != null)
            .map(Meeting.Entry::taskId)
            .toList();
    return ResponseEntity.created(
            URI.create("/api/v1/branches/" + branchId + "/meetings/" + year + "/" + id))
        .body(new MeetingRecorded(id, branchId, year, completed));
  }

  /** The body as a request, refusing unknown fields, wrong types and unknown levels (nothing is read half). */
  private MeetingRequest read(JsonNode body) {
    List<FieldProblem> problems = new ArrayList<>(); // one object: checked by the caller
    unknown(body, MeetingApi.MEETING_FIELDS, "", problems);
    for (String count : List.of("officialMembers", "exemptedMembers", "present")) {
      wholeNumber(body.get(count), count, problems);
    }
    JsonNode entries = body.get("entries");
    if (entries == null || entries.isNull() || entries.isArray() && entries.isEmpty()) {
      problems.add(new FieldProblem("entries", "required", null));
    } else if (entries.isArray()) {
      for (int i = 0; i < entries.size(); i++) {
        JsonNode entry = entries.get(i);
        String prefix =
            "entries["
                + (entry.path("taskId").isTextual() ? entry.get("taskId").asText() : i)
                + "].";
        if (!entry.isObject()) {
          continue; // a wrong type, named by the conversion below
        }
        unknown(entry, MeetingApi.ENTRY_FIELDS, prefix, problems);
        JsonNode level = entry.get("proposedLevel");
        if (level != null && level.isTextual() && Level.parse(level.asText()).isEmpty()) {
          problems.add(new FieldProblem(prefix + "proposedLevel", "invalid-level", null));
        }
        JsonNode votes = entry.get("votes");
        if (votes != null && votes.isObject()) {
          votes
              .fieldNames()
              .forEachRemaining(
                  name -> {
                    if (Level.parse(name).isEmpty()) {
                      problems.add(
                          new FieldProblem(prefix + "votes." + name, "invalid-level", null));
                    } else {
                      wholeNumber(votes.get(name), prefix + "votes." + name, problems);
                    }
                  });
        }
      }
    }
    MeetingRequest request = null;
    try {
      request = json.treeToValue(body, MeetingRequest.class);
    } catch (JsonMappingException mismatch) {
      // every value of the wrong type, not only the first (fourteenth session's outsider, MEDIUM 7)
      List<TypedBodyProblems.Mismatch> all = TypedBodyProblems.of(json, MeetingRequest.class, body);
      if (all.isEmpty()) {
        String path = ApiExceptionHandler.fieldPath(mismatch);
        all = List.of(new TypedBodyProblems.Mismatch(path.isEmpty() ? "body" : path, mismatch));
      }
      for (TypedBodyProblems.Mismatch each : all) {
        String field = requestPath(each.field(), body);
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
          problems.add(
              new FieldProblem(field, ApiExceptionHandler.mismatchReason(each.cause()), null));
        }
      }
    } catch (JsonProcessingException malformed) {
      problems.add(new FieldProblem("body", "malformed", null));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return request;
  }

  /**
   * A member line's field as the request names it: the branch review's {@code branchProposedLevel} is the entry's
   * {@code proposedLevel}, its {@code votesGOOD} the entry's {@code votes.GOOD} (fourteenth session's outsider,
   * MEDIUM 8: the errors named fields the request never sent).
   */
  static String asSent(String field) {
    if (field == null || !field.startsWith("entries[")) {
      return field;
    }
    int dot = field.indexOf("].");
    if (dot < 0) {
      return field;
    }
    String prefix = field.substring(0, dot + 2);
    String name = field.substring(dot + 2);
    if ("branchProposedLevel".equals(name)) {
      return prefix + "proposedLevel";
    }
    for (Level level : Level.values()) {
      if (name.equals("votes" + level.name())) {
        return prefix + "votes." + level.name();
      }
    }
    return field;
  }

  /** A path of the body ({@code entries[0].votes.GOOD}) with the entry named by its task id, as every problem names it. */
  private static String requestPath(String path, JsonNode body) {
    if (!path.startsWith("entries[")) {
      return path;
    }
    int close = path.indexOf(']');
    try {
      JsonNode entry = body.path("entries").path(Integer.parseInt(path.substring(8, close)));
      return entry.path("taskId").isTextual()
          ? "entries[" + entry.get("taskId").asText() + path.substring(close)
          : path;
    } catch (NumberFormatException notAnIndex) {
      return path;
    }
  }

  /** Jackson would read 2.5 as 2 and "4" as 4: a count must be a whole JSON number (or absent). */
  private static void wholeNumber(JsonNode value, String field, List<FieldProblem> problems) {
    if (value != null
        && !value.isNull()
        && !(value.isIntegralNumber() && value.canConvertToInt())) {
      problems.add(new FieldProblem(field, "not-a-count", null));
    }
  }

  private static void unknown(
      JsonNode object, Set<String> known, String prefix, List<FieldProblem> problems) {
    object
        .fieldNames()
        .forEachRemaining(
            name -> {
              if (!known.contains(name)) {
                problems.add(new FieldProblem(prefix + name, "unknown-field", null));
              }
            });
  }
}
