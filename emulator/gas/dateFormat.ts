/**
 * Utilities.formatDate's pattern language (Java SimpleDateFormat), the common subset, with time zones from
 * Intl. Supported letters: yyyy yy MMMM MMM MM M dd d EEEE EEE HH H hh h mm m ss s SSS a Z XXX, and
 * 'quoted' literals. Not modelled: week fields (w, W, u, F), era (G), zone names (z), localized month names.
 */

interface LocalTime {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number; // 0-23
  minute: number;
  second: number;
  /** minutes east of UTC */
  offsetMinutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The wall-clock fields of an instant in a time zone. */
export function localTime(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const fields = {
    year: Number(parts.year), month: Number(parts.month), day: Number(parts.day),
    hour: Number(parts.hour) % 24, minute: Number(parts.minute), second: Number(parts.second),
  };
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const wholeSeconds = Math.floor(ms / 1000) * 1000;
  return { ...fields, weekday: WEEKDAYS.indexOf(parts.weekday), offsetMinutes: Math.round((asUtc - wholeSeconds) / 60000) };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function offset(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}${colon ? ':' : ''}${pad(abs % 60, 2)}`;
}

function field(letter: string, count: number, t: LocalTime, ms: number): string {
  switch (letter) {
    case 'y': return count === 2 ? pad(t.year % 100, 2) : pad(t.year, count);
    case 'M':
      if (count >= 4) return MONTHS[t.month - 1];
      if (count === 3) return MONTHS[t.month - 1].slice(0, 3);
      return pad(t.month, count);
    case 'd': return pad(t.day, count);
    case 'E': return count >= 4 ? WEEKDAY_NAMES[t.weekday] : WEEKDAYS[t.weekday];
    case 'H': return pad(t.hour, count);
    case 'h': return pad(t.hour % 12 === 0 ? 12 : t.hour % 12, count);
    case 'm': return pad(t.minute, count);
    case 's': return pad(t.second, count);
    case 'S': return pad(((ms % 1000) + 1000) % 1000, 3).slice(0, Math.max(count, 3));
    case 'a': return t.hour < 12 ? 'AM' : 'PM';
    case 'Z': return offset(t.offsetMinutes, false);
    case 'X': return t.offsetMinutes === 0 ? 'Z' : offset(t.offsetMinutes, count >= 3);
    default: throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const t = localTime(ms, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const char = pattern[i];
    if (char === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = pattern.slice(i + 1, end < 0 ? pattern.length : end);
      out += literal === '' ? "'" : literal;
      i = end < 0 ? pattern.length : end + 1;
    } else if (/[a-zA-Z]/.test(char)) {
      let count = 1;
      while (pattern[i + count] === char) count++;
      out += field(char, count, t, ms);
      i += count;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** The instant at which the wall clock in `timeZone` reads the given fields (month 1-12). */
export function zonedTime(timeZone: string, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - localTime(guess, timeZone).offsetMinutes * 60000;
  return guess;
}
