/**
 * Finalizing an organization's member results within the EXCELLENT quota (task finalize-results of
 * evaluation-campaign): the live quota figures the task's completion is checked on, level adjustments with a reason
 * while the task is open, and the committee's finalization page.
 */
package vn.party.evaluation.finalization;
