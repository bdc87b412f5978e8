// What /api/messages accepts, checked before botbuilder sees it. The SDK takes any JSON object as an
// activity and fails deep inside the turn on a field of the wrong type (a `text` that is an object
// or a number), which would answer 500 with the exception's words: a malformed activity is the
// sender's mistake, answered 400 naming the field and nothing of the server's insides.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const absent = (v: unknown): boolean => v === undefined || v === null;

/** Plain string fields of an activity that the SDK or the adapter reads. */
const STRING_FIELDS = ['id', 'timestamp', 'localTimestamp', 'serviceUrl', 'channelId', 'text', 'textFormat', 'locale', 'replyToId', 'name'] as const;

function partyProblem(party: unknown, name: string, required: boolean): string | null {
  if (absent(party)) return required ? `${name}.id is required` : null;
  if (!isObject(party) || !isString(party.id) || party.id === '') return `${name}.id must be a non-empty string`;
  if (!absent(party.name) && !isString(party.name)) return `${name}.name must be a string`;
  return null;
}

function listProblem(list: unknown, name: string, item: (v: Json) => string | null): string | null {
  if (absent(list)) return null;
  if (!Array.isArray(list)) return `${name} must be a list`;
  for (const [index, v] of list.entries()) {
    if (!isObject(v)) return `${name}[${index}] must be an object`;
    const problem = item(v);
    if (problem !== null) return `${name}[${index}].${problem}`;
  }
  return null;
}

const attachmentProblem = (a: Json): string | null =>
  !isString(a.contentType) ? 'contentType must be a string'
    : !absent(a.contentUrl) && !isString(a.contentUrl) ? 'contentUrl must be a string'
      : !absent(a.name) && !isString(a.name) ? 'name must be a string' : null;

const entityProblem = (e: Json): string | null =>
  !absent(e.type) && !isString(e.type) ? 'type must be a string'
    : !absent(e.text) && !isString(e.text) ? 'text must be a string'
      : !absent(e.mentioned) && partyProblem(e.mentioned, 'mentioned', false) !== null ? 'mentioned.id must be a non-empty string' : null;

const memberProblem = (m: Json): string | null => (isString(m.id) ? null : 'id must be a string');

/** Why the body is not an activity this server can take, or null when it is. */
export function activityProblem(body: Json, options: { serviceUrlRequired: boolean }): string | null {
  if (!isString(body.type) || body.type === '') return 'type must be a non-empty string';
  const conversation = body.conversation;
  if (!isObject(conversation) || !isString(conversation.id) || conversation.id === '') return 'conversation.id must be a non-empty string';
  if (!absent(conversation.isGroup) && typeof conversation.isGroup !== 'boolean') return 'conversation.isGroup must be true or false';
  if (!absent(conversation.conversationType) && !isString(conversation.conversationType)) return 'conversation.conversationType must be a string';
  for (const field of STRING_FIELDS) if (!absent(body[field]) && !isString(body[field])) return `${field} must be a string`;
  if (options.serviceUrlRequired && !(isString(body.serviceUrl) && /^https?:\/\//i.test(body.serviceUrl))) return 'serviceUrl must be an http(s) URL';
  // A message is acted on as its sender: without one there is nobody to act as. It names the bot as
  // its recipient (botbuilder reads recipient.id on every message turn).
  const problem = partyProblem(body.from, 'from', body.type === 'message') ?? partyProblem(body.recipient, 'recipient', body.type === 'message')
    ?? listProblem(body.attachments, 'attachments', attachmentProblem) ?? listProblem(body.entities, 'entities', entityProblem)
    ?? listProblem(body.membersAdded, 'membersAdded', memberProblem) ?? listProblem(body.membersRemoved, 'membersRemoved', memberProblem);
  if (problem !== null) return problem;
  if (!absent(body.channelData) && !isObject(body.channelData)) return 'channelData must be an object';
  return null;
}
