package vn.party.notification.inbox;

/** The {@code data} of an event, read into the shape its type promises. */
public sealed interface EventPayload
    permits TaskEvent,
        MemberDecidedData,
        CaseReturnedData,
        ResultAnnouncedData,
        MemberReratedData,
        MemberReappraisedData,
        MemberLevelAdjustedData,
        AccountSignInThrottledData,
        AccountChangedData,
        AccountEmailChangedData,
        UnhandledEvent {}
