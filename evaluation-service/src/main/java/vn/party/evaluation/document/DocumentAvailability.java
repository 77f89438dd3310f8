package vn.party.evaluation.document;

import org.springframework.stereotype.Component;

/** Whether a document exists yet, for the pages' download links ({@code ${@documents…}} in a template). */
@Component("documents")
public class DocumentAvailability {

  private final DocumentFacts facts;

  DocumentAvailability(DocumentFacts facts) {
    this.facts = facts;
  }

  /** The branch has recorded minutes of a review meeting in the year. */
  public boolean minutes(String branchId, int year) {
    return !facts.sittings(branchId, year).isEmpty();
  }
}
