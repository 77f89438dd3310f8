package vn.party.evaluation.meeting;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.party.evaluation.portal.PortalPage;
import vn.party.evaluation.process.Groups;
import vn.party.evaluation.rules.Level;
import vn.party.evaluation.security.CurrentUser;
import vn.party.evaluation.web.ApiException;
import vn.party.evaluation.web.FieldProblem;
import vn.party.evaluation.web.PageDates;

/** The branch meeting view: all members of the branch in one sitting. */
@Controller
@PortalPage
public class MeetingPageController {

  private final MeetingService meetings;
  private final BranchRoll roll;
  private final MeetingProblems words;
  private final BranchPeople people;

  public MeetingPageController(
      MeetingService meetings, BranchRoll roll, MeetingProblems words, BranchPeople people) {
    this.words = words;
    this.people = people;
    this.roll = roll;
    this.meetings = meetings;
  }

  /**
   * The branches the user is the committee of, with the years that have members ready for the meeting or still on
   * their way to it (the meeting page lists who is ready, who waits for a comment and who has not submitted).
   */
  @GetMapping("/app/meetings")
  public String choose(@AuthenticationPrincipal CurrentUser user, Model model) {
    Map<String, List<Integer>> years = new LinkedHashMap<>();
    user.groups().stream()
        .map(Groups::branchOfCommittee)
        .flatMap(Optional::stream)
        .forEach(
            branch -> {
              TreeSet<Integer> open = new TreeSet<>(Comparator.reverseOrder());
              open.addAll(meetings.openYears(branch, user));
              open.addAll(roll.yearsOnTheWay(branch));
              years.put(branch, new ArrayList<>(open));
            });
    model.addAttribute("branches", years);
    return "meeting/choose";
  }

  @GetMapping("/app/meetings/{branchId}/{year}")
  public String form(
      @PathVariable String branchId,
      @PathVariable int year,
      @AuthenticationPrincipal CurrentUser user,
      Model model) {
    model.addAttribute("values", Map.of());
    return page(branchId, year, user, model, Map.of());
  }

  @PostMapping("/app/meetings/{branchId}/{year}")
  public String record(
      @PathVariable String branchId,
      @PathVariable int year,
      @RequestParam MultiValueMap<String, String> params,
      @AuthenticationPrincipal CurrentUser user,
      Model model,
      RedirectAttributes flash,
      HttpServletResponse response) {
    List<FieldProblem> parseProblems = new ArrayList<>();
    Meeting meeting = meeting(params, parseProblems);
    try {
      if (!parseProblems.isEmpty()) {
        throw ApiException.invalid(parseProblems);
      }
      meetings.record(branchId, year, meeting, user);
      flash.addFlashAttribute("notice", "notice.meeting-recorded");
      return "redirect:/app/meetings/" + branchId + "/" + year;
    } catch (ApiException refused) {
      if (refused.problems().isEmpty()) {
        throw refused;
      }
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("values", params.toSingleValueMap());
      Map<String, String> names = new HashMap<>();
      meetings.agenda(branchId, year, user).forEach(i -> names.put(i.taskId(), i.memberName()));
      return page(branchId, year, user, model, errors(refused.problems(), names));
    }
  }

  private String page(
      String branchId, int year, CurrentUser user, Model model, Map<String, String> errors) {
    model.addAttribute("branchId", branchId);
    model.addAttribute("year", year);
    // checks the user's access to the branch; each cap's reason in the page's language
    List<AgendaItem> agenda =
        meetings.agenda(branchId, year, user, LocaleContextHolder.getLocale());
    model.addAttribute("agenda", agenda);
    // what the meeting deliberates on, and who it cannot take yet
    model.addAttribute("files", roll.deliberations(year, agenda));
    model.addAttribute("roll", roll.roll(branchId, year));
    model.addAttribute("levels", Level.values());
    model.addAttribute("errors", errors);
    // who chaired and who took the minutes, picked by name: the secretary and the signed-in user at
    // first
    List<BranchPeople.Person> branchPeople = people.of(branchId);
    model.addAttribute("branchPeople", branchPeople);
    model.addAttribute(
        "defaultChair",
        BranchPeople.secretary(branchPeople).map(BranchPeople.Person::id).orElse(""));
    model.addAttribute("defaultClerk", user.userId());
    model.addAttribute("clerkInBranch", BranchPeople.find(branchPeople, user.userId()).isPresent());
    return "meeting/form";
  }

  /** Reads the form; numbers and dates that do not parse are reported like any other refusal. */
  private static Meeting meeting(
      MultiValueMap<String, String> params, List<FieldProblem> problems) {
    List<Meeting.Entry> entries = new ArrayList<>();
    for (String taskId : params.getOrDefault("taskId", List.of())) {
      Map<Level, Integer> votes = new EnumMap<>(Level.class);
      for (Level level : Level.values()) {
        Integer n =
            number(
                params,
                "votes" + level.name() + "_" + taskId,
                "entries[" + taskId + "].votes" + level.name(),
                problems);
        votes.put(level, n == null ? 0 : n);
      }
      // not trimmed: " GOOD" is not a level, as everywhere else
      String level = params.getFirst("level_" + taskId);
      level = level == null || level.isEmpty() ? null : level;
      Level proposed = null;
      if (level != null) {
        proposed = Level.parse(level).orElse(null);
        if (proposed == null) {
          problems.add(
              new FieldProblem(
                  "entries[" + taskId + "].branchProposedLevel", "invalid-level", null));
        }
      }
      entries.add(new Meeting.Entry(taskId, text(params, "criticism_" + taskId), votes, proposed));
    }
    LocalDate heldOn = null;
    String date = PageDates.isoDate(text(params, "heldOn"));
    if (date != null) {
      try {
        heldOn = LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        problems.add(new FieldProblem("heldOn", "invalid-format", null));
      }
    }
    return new Meeting(
        heldOn,
        text(params, "place"),
        number(params, "officialMembers", "officialMembers", problems),
        number(params, "exemptedMembers", "exemptedMembers", problems),
        number(params, "present", "present", problems),
        text(params, "absentNames"),
        text(params, "chairId"),
        text(params, "clerkId"),
        entries);
  }

  private static String text(MultiValueMap<String, String> params, String name) {
    String value = params.getFirst(name);
    // strip(), not trim(): trim() would silently drop control characters at the ends, which must be
    // refused
    return value == null || value.isBlank() ? null : value.replace("\r\n", "\n").strip();
  }

  private static Integer number(
      MultiValueMap<String, String> params,
      String name,
      String field,
      List<FieldProblem> problems) {
    String value = text(params, name);
    if (value == null) {
      return null;
    }
    // ASCII digits only: Integer.valueOf would also read "９" (a full-width nine) as 9
    if (!value.matches("-?[0-9]{1,9}")) {
      problems.add(new FieldProblem(field, "wrong-type", null));
      return null;
    }
    return Integer.valueOf(value);
  }

  /**
   * field → message; a member's line ({@code entries[taskId].…}) names the member, so that the summary at the top
   * says whose vote or proposal is wrong.
   */
  private Map<String, String> errors(List<FieldProblem> problems, Map<String, String> memberNames) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      // the service's refusals are in words already; the page's own (a number that does not parse)
      // are put in words here, as the service does (MeetingProblems)
      FieldProblem worded =
          problem.message() != null ? problem : words.worded(List.of(problem), memberNames).get(0);
      errors.putIfAbsent(problem.field(), worded.message());
    }
    return errors;
  }
}
