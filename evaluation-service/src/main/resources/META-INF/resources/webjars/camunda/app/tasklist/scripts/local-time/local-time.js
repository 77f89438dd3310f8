// Tasklist shows every date in Vietnam's time (Asia/Ho_Chi_Minh), whatever the browser's time zone is (issue 14):
// an office PC or a phone set to another zone must not move a due date of 17:00 to 10:00. Tasklist writes dates with
// its "camDate" filter (moment, in the browser's zone, no zone setting); this script, loaded by config.js
// (customScripts) before the application starts, adds an AngularJS module (requireJsConfig.ngDeps) that decorates
// the filter: the same formats as config.js's dateFormat, day first, computed in Asia/Ho_Chi_Minh with Intl.
const ZONE = 'Asia/Ho_Chi_Minh';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  second: '2-digit', hourCycle: 'h23'
});

/**
 * The date as Vietnamese write it in Vietnam's time: DD/MM/YYYY HH:mm (long: with seconds; short: the day; day and
 * monthName: the parts Tasklist's history draws).
 */
export function localTime(value, format) {
  if (value === null || value === undefined || value === '') {
    return '';
  }
  const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value)
      // the engine writes offsets without a colon (2026-12-10T10:00:00.000+0000), which Date cannot read everywhere
      .replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) {
    return String(value);
  }
  const p = {};
  PARTS.formatToParts(date).forEach(part => { p[part.type] = part.value; });
  const day = `${p.day}/${p.month}/${p.year}`;
  switch (format) {
    case 'short':
      return day;
    case 'day':
      return p.day;
    case 'monthName':
      return `tháng ${Number(p.month)}`;
    default:
      break;
  }
  return format === 'long' ? `${day} ${p.hour}:${p.minute}:${p.second}` : `${day} ${p.hour}:${p.minute}`;
}

if (typeof window !== 'undefined' && window.angular) {
  window.angular.module('vn.party.localTime', []).config(['$provide', function ($provide) {
    $provide.decorator('camDateFilter', ['$delegate', function () {
      return localTime;
    }]);
    // AngularJS's own date filter (the history's hours) takes a zone: Vietnam's unless a template names one
    // (Asia/Ho_Chi_Minh has kept +07:00 without summer time since 1975)
    $provide.decorator('dateFilter', ['$delegate', function ($delegate) {
      return function (date, format, timezone) {
        return $delegate(date, format, timezone || '+0700');
      };
    }]);
  }]);
}

export default [];
