package vn.party.evaluation.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.party.evaluation.EvaluationFlowSupport;
import vn.party.evaluation.process.Groups;

/**
 * The seventh session's outsider (E): the last member of {@code auditors} and {@code camunda-admin} was kept against
 * one removal at a time only. Two removals sent at once (both members out of a two-member group, or a member's
 * account deleted while the other leaves) each counted two members, both answered 204 and the group was empty — with
 * no administrator left, the webapps' anonymous setup page makes one for anybody. Sent together, at both engine REST
 * doors, round after round: one goes through, the other is refused, and the group always keeps a member.
 */
class LastMemberRaceTest extends EvaluationFlowSupport {

  private static final int ROUNDS = 8;
  private static final String SECOND = "race12second";

  @Autowired IdentityService identityService;

  @Test
  void twoRemovalsAtOnceLeaveTheAuditorsAMember() {
    race(Groups.AUDITORS, "auditor");
  }

  @Test
  void twoRemovalsAtOnceLeaveTheAdministratorsAMember() {
    race(Groups.ADMINS, "admin");
  }

  /** The group reduced to {@code first} and {@link #SECOND}; the two removals raced; the group put back as it was. */
  private void race(String group, String first) {
    Http http = new Http(port);
    List<String> others =
        identityService.createUserQuery().memberOfGroup(group).list().stream()
            .map(User::getId)
            .filter(id -> !id.equals(first))
            .toList();
    others.forEach(id -> identityService.deleteMembership(id, group));
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        restore(group, first);
        // every other round the second member's account is deleted instead of their membership
        String second =
            round % 2 == 0
                ? "/engine-rest/engine/default/group/" + group + "/members/" + SECOND
                : "/engine-rest/user/" + SECOND;
        List<HttpResponse<String>> answers =
            together(threads, http, "/engine-rest/group/" + group + "/members/" + first, second);
        List<String> left =
            identityService.createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getId)
                .toList();
        String seen =
            "round "
                + round
                + ": "
                + answers.stream().map(a -> a.statusCode() + " " + a.body()).toList();
        assertThat(left).as(seen).isNotEmpty();
        assertThat(answers).as(seen).allMatch(a -> a.statusCode() == 204 || a.statusCode() == 403);
        assertThat(answers).as(seen).anyMatch(a -> a.statusCode() == 403);
      }
    } finally {
      threads.shutdownNow();
      restore(group, first);
      identityService.deleteUser(SECOND);
      others.forEach(id -> identityService.createMembership(id, group));
    }
  }

  /** As the administrator, the two DELETEs leaving at the same moment. */
  private static List<HttpResponse<String>> together(
      ExecutorService threads, Http http, String... paths) {
    CyclicBarrier start = new CyclicBarrier(paths.length);
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    for (String path : paths) {
      sent.add(
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
                return http.send("DELETE", path, "admin", null, (byte[]) null);
              },
              threads));
    }
    return sent.stream().map(CompletableFuture::join).toList();
  }

  /** {@code first} and {@link #SECOND} in the group (the Java API, as the system), whatever the round left. */
  private void restore(String group, String first) {
    if (identityService.createUserQuery().userId(SECOND).count() == 0) {
      User user = identityService.newUser(SECOND);
      user.setFirstName("Thứ");
      user.setLastName("Hai");
      user.setPassword("a-long-passphrase-race12");
      identityService.saveUser(user);
    }
    for (String id : List.of(first, SECOND)) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }
}
