package vn.party.notification.preference;

import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class PreferenceService {

  private final PreferenceRepository repository;
  private final PreferenceMapper mapper;

  PreferenceService(PreferenceRepository repository, PreferenceMapper mapper) {
    this.repository = repository;
    this.mapper = mapper;
  }

  @Transactional(readOnly = true)
  public PreferenceResponse get(String userId) {
    return mapper.toResponse(repository.find(userId).orElseGet(() -> Preference.defaults(userId)));
  }

  @Transactional
  public PreferenceResponse update(String userId, PreferenceRequest request) {
    return mapper.toResponse(repository.save(mapper.toPreference(userId, request)));
  }

  /**
   * Those of the given users who chose in-app notifications only: no e-mail may be queued for them.
   * Runs in the caller's transaction.
   */
  public Set<String> emailDisabledAmong(Collection<String> userIds) {
    return repository.emailDisabledAmong(userIds);
  }
}
