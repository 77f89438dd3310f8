// Tasklist configuration of this system (replaces the webapp's default config.js, which only has comments and the
// keyboard shortcuts). Dates as Vietnamese write them, day first, in Vietnam's time (Asia/Ho_Chi_Minh) whatever the
// browser's time zone: scripts/local-time/local-time.js decorates Tasklist's date filter (the formats below stay the
// reference for the webapp's own date pickers).
export default {
  customScripts: ['scripts/local-time/local-time.js'],
  requireJsConfig: {
    ngDeps: ['vn.party.localTime']
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'DD/MM/YYYY HH:mm:ss'
  },
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
