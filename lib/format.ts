// Dates are stored in UTC and shown in Dutch time.
const zone = 'Europe/Amsterdam';

const dateTime = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: zone });
const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: zone });

export const formatDateTime = (value: Date) => dateTime.format(value);
export const formatDate = (value: Date) => date.format(value);
