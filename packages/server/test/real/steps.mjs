/**
 * The request sequence sent to both servers, in order. Each step names its family (what it probes),
 * its method, path and body (strings: the exact bytes sent, so hostile numbers stay as written), and
 * who sends it. Functions get the server's own context `c` (its ids and tokens), filled in by `save`.
 * Names are unique per run (`P`), so the real server's other data never meets ours.
 */

const J = 'application/json'
const FORM = 'application/x-www-form-urlencoded'

/** The steps for run prefix `P` (e.g. `cmp-1a2b3c`). */
export function steps(P) {
  const NS = `${P}-ns`
  const u = { dev: `${P}-dev`, maint: `${P}-maint`, guest: `${P}-guest`, uni: `${P}-ünï-😀` }
  const long = (n, ch = 'x') => ch.repeat(n)
  const out = []
  const step = (s) => out.push({ as: 'admin', ...s })
  const json = (s) => step({ headers: { 'content-type': J }, ...s })
  const login = (who, username, family = 'auth') =>
    step({
      family,
      name: `login ${who}`,
      as: null,
      method: 'POST',
      path: '/v1/auth/token',
      headers: { 'content-type': FORM },
      body: `username=${encodeURIComponent(username)}&password=x`,
      save: (c, r) => {
        if (r.status === 200) c.tok[who] = JSON.parse(r.body).access_token
      },
    })
  const saveId = (where, key) => (c, r) => {
    if (r.status === 201 || r.status === 200) c[where][key] = JSON.parse(r.body).id
  }
  const ns = (key) => (c) => c.ns[key] ?? 999999001
  const hwm = (key) => (c) => c.hwm[key] ?? 999999002

  // --- monitoring and routing -------------------------------------------------------------------
  const http = 'http'
  step({ family: http, name: 'ping', as: null, method: 'GET', path: '/monitoring/ping' })
  step({ family: http, name: 'HEAD ping', as: null, method: 'HEAD', path: '/monitoring/ping' })
  step({ family: http, name: 'POST ping 405', as: null, method: 'POST', path: '/monitoring/ping' })
  step({ family: http, name: 'OPTIONS ping', as: null, method: 'OPTIONS', path: '/monitoring/ping' })
  step({ family: http, name: 'ping/ 307', as: null, method: 'GET', path: '/monitoring/ping/' })
  step({ family: http, name: 'unknown path', as: null, method: 'GET', path: '/nope' })
  step({ family: http, name: 'HEAD unknown path', as: null, method: 'HEAD', path: '/nope' })
  step({ family: http, name: 'v1 root', as: null, method: 'GET', path: '/v1/' })
  step({ family: http, name: 'DELETE token 405', as: null, method: 'DELETE', path: '/v1/auth/token' })
  step({ family: http, name: 'GET token 405', as: null, method: 'GET', path: '/v1/auth/token' })
  step({ family: http, name: 'PUT namespaces 405', method: 'PUT', path: '/v1/namespaces/' })
  step({ family: http, name: 'PUT namespace 405', method: 'PUT', path: '/v1/namespaces/1' })
  step({ family: http, name: 'POST namespace id 405', method: 'POST', path: '/v1/namespaces/1' })
  step({ family: http, name: 'PUT hwm 405', method: 'PUT', path: '/v1/hwm/' })
  step({ family: http, name: 'PATCH hwm list 405', method: 'PATCH', path: '/v1/hwm/' })
  step({ family: http, name: 'PUT hwm id 405', method: 'PUT', path: '/v1/hwm/5' })
  step({ family: http, name: 'DELETE copy 405?', method: 'DELETE', path: '/v1/hwm/copy' })
  step({ family: http, name: 'PUT copy 405', method: 'PUT', path: '/v1/hwm/copy' })
  step({ family: http, name: 'POST history 405', method: 'POST', path: '/v1/hwm-history/' })
  step({ family: http, name: 'OPTIONS namespaces', method: 'OPTIONS', path: '/v1/namespaces/' })
  step({ family: http, name: 'PUT permissions 405', method: 'PUT', path: '/v1/namespaces/1/permissions' })
  step({ family: http, name: 'POST users/me 405', method: 'POST', path: '/v1/users/me' })
  step({ family: http, name: 'namespaces no slash 307', method: 'GET', path: '/v1/namespaces?page=2' })
  step({ family: http, name: 'POST namespaces no slash', method: 'POST', path: '/v1/namespaces' })
  step({ family: http, name: 'hwm-history no slash', method: 'GET', path: '/v1/hwm-history' })
  step({ family: http, name: 'users/me/ 307', method: 'GET', path: '/v1/users/me/' })
  step({ family: http, name: 'namespace id slash', method: 'GET', path: '/v1/namespaces/1/' })
  step({ family: http, name: 'double slash', method: 'GET', path: '/v1//namespaces/' })

  // --- auth ----------------------------------------------------------------------------------------
  login('admin', 'admin')
  login('dev', u.dev)
  login('maint', u.maint)
  login('guest', u.guest)
  login('uni', u.uni)
  const token = (name, s) => step({ family: 'auth', name, method: 'POST', path: '/v1/auth/token', as: null, ...s })
  token('login json body', { headers: { 'content-type': J }, body: '{"username":"a","password":"b"}' })
  token('login no body', {})
  token('login empty form', { headers: { 'content-type': FORM }, body: '' })
  token('login missing password', { headers: { 'content-type': FORM }, body: `username=${P}-x` })
  token('login empty password', { headers: { 'content-type': FORM }, body: `username=${P}-x&password=` })
  token('login empty username', { headers: { 'content-type': FORM }, body: 'username=&password=x' })
  token('login grant_type password', {
    headers: { 'content-type': FORM },
    body: `grant_type=password&username=${P}-dev&password=x`,
  })
  token('login grant_type other', {
    headers: { 'content-type': FORM },
    body: `grant_type=client_credentials&username=${P}-dev&password=x`,
  })
  token('login extra fields', {
    headers: { 'content-type': FORM },
    body: `username=${P}-dev&password=x&scope=a%20b&client_id=z&foo=bar`,
  })
  token('login text/plain', { headers: { 'content-type': 'text/plain' }, body: `username=${P}-dev&password=x` })
  token('login multipart', {
    headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
    body: `--XyZ\r\nContent-Disposition: form-data; name="username"\r\n\r\n${P}-dev\r\n--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\nx\r\n--XyZ--\r\n`,
  })
  token('login username 256', {
    headers: { 'content-type': FORM },
    body: `username=${P}${long(256 - P.length)}&password=x`,
  })
  token('login username 300', { headers: { 'content-type': FORM }, body: `username=${P}${long(300)}&password=x` })
  const me = (name, s) => step({ family: 'auth', name, method: 'GET', path: '/v1/users/me', ...s })
  me('whoami admin', {})
  me('whoami dev', { as: 'dev' })
  me('whoami unicode', { as: 'uni' })
  me('HEAD whoami', { method: 'HEAD', as: 'dev' })
  me('whoami no token', { as: null })
  me('whoami bad token', { as: null, headers: { authorization: 'Bearer not-a-jwt' } })
  me('whoami basic', { as: null, headers: { authorization: 'Basic YTpi' } })
  me('whoami bearer empty', { as: null, headers: { authorization: 'Bearer ' } })
  me('whoami lowercase bearer', { as: null, headers: { authorization: (c) => `bearer ${c.tok.dev}` } })

  // --- namespaces ----------------------------------------------------------------------------------
  const nsf = 'namespaces'
  json({
    family: nsf,
    name: 'create ns a',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-a","description":"first"}`,
    save: saveId('ns', 'a'),
  })
  json({
    family: nsf,
    name: 'create ns b (dev owns)',
    as: 'dev',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-b"}`,
    save: saveId('ns', 'b'),
  })
  json({
    family: nsf,
    name: 'create ns unicode',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-ünïcødé-😀-\\u00e9","description":"\\ud83d\\ude00 tab\\t nl\\n"}`,
    save: saveId('ns', 'uni'),
  })
  json({
    family: nsf,
    name: 'create ns extra fields',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-extra","id":5,"owned_by":"someone","foo":[1,2]}`,
    save: saveId('ns', 'extra'),
  })
  json({
    family: nsf,
    name: 'create ns duplicate',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-a"}`,
  })
  json({ family: nsf, name: 'create ns empty name', method: 'POST', path: '/v1/namespaces/', body: '{"name":""}' })
  json({
    family: nsf,
    name: 'create ns 257 name',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${P}${long(257 - P.length)}"}`,
  })
  json({
    family: nsf,
    name: 'create ns 256 name',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${P}${long(256 - P.length, 'é')}"}`,
    save: saveId('ns', 'n256'),
  })
  json({ family: nsf, name: 'create ns number name', method: 'POST', path: '/v1/namespaces/', body: '{"name":5}' })
  json({
    family: nsf,
    name: 'create ns null description',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-nd","description":null}`,
  })
  json({ family: 'lax', name: 'create ns null body', method: 'POST', path: '/v1/namespaces/', body: 'null' })
  json({ family: nsf, name: 'create ns empty body', method: 'POST', path: '/v1/namespaces/', body: undefined })
  json({ family: nsf, name: 'create ns array body', method: 'POST', path: '/v1/namespaces/', body: '[]' })
  json({ family: nsf, name: 'create ns string body', method: 'POST', path: '/v1/namespaces/', body: '"x"' })
  json({ family: nsf, name: 'create ns number body', method: 'POST', path: '/v1/namespaces/', body: '1.5e300' })
  json({ family: nsf, name: 'create ns invalid json', method: 'POST', path: '/v1/namespaces/', body: '{"name":' })
  json({ family: nsf, name: 'create ns trailing comma', method: 'POST', path: '/v1/namespaces/', body: '{"a":1,}' })
  step({
    family: nsf,
    name: 'create ns text/plain',
    method: 'POST',
    path: '/v1/namespaces/',
    headers: { 'content-type': 'text/plain' },
    body: `{"name":"${NS}-tp"}`,
  })
  step({
    family: nsf,
    name: 'create ns no content-type',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-noct"}`,
    save: saveId('ns', 'noct'),
  })
  step({
    family: nsf,
    name: 'create ns form',
    method: 'POST',
    path: '/v1/namespaces/',
    headers: { 'content-type': FORM },
    body: `name=${NS}-form`,
  })
  step({
    family: nsf,
    name: 'create ns +json',
    method: 'POST',
    path: '/v1/namespaces/',
    headers: { 'content-type': 'application/vnd.api+json' },
    body: `{"name":"${NS}-vnd"}`,
    save: saveId('ns', 'vnd'),
  })
  json({
    family: nsf,
    name: 'create ns no token',
    as: null,
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-x"}`,
  })
  json({
    family: nsf,
    name: 'create ns no token, bad body',
    as: null,
    method: 'POST',
    path: '/v1/namespaces/',
    body: '{',
  })
  const getNs = (name, path, s = {}) => step({ family: nsf, name, method: 'GET', path, ...s })
  getNs('get ns a', (c) => `/v1/namespaces/${ns('a')(c)}`)
  getNs('get ns unicode', (c) => `/v1/namespaces/${ns('uni')(c)}`)
  getNs('HEAD ns a', (c) => `/v1/namespaces/${ns('a')(c)}`, { method: 'HEAD' })
  getNs('get ns 1.0 form', (c) => `/v1/namespaces/${ns('a')(c)}.0`, { family: 'lax' })
  getNs('get ns 1.00 form', (c) => `/v1/namespaces/${ns('a')(c)}.00`, { family: 'lax' })
  getNs('get ns 1.5', (c) => `/v1/namespaces/${ns('a')(c)}.5`, { family: 'lax' })
  getNs('get ns +id', (c) => `/v1/namespaces/+${ns('a')(c)}`, { family: 'lax' })
  getNs('get ns 0-padded', (c) => `/v1/namespaces/00${ns('a')(c)}`, { family: 'lax' })
  getNs('get ns id_', (c) => `/v1/namespaces/${ns('a')(c)}_0`, { family: 'lax' })
  getNs('get ns space id', (c) => `/v1/namespaces/%20${ns('a')(c)}`, { family: 'lax' })
  getNs('get ns 1e1', () => '/v1/namespaces/1e1', { family: 'lax' })
  getNs('get ns abc', () => '/v1/namespaces/abc')
  getNs('get ns -1', () => '/v1/namespaces/-1')
  getNs('get ns 0', () => '/v1/namespaces/0')
  getNs('get ns missing', () => '/v1/namespaces/999999999')
  getNs('get ns 2^63-1', () => '/v1/namespaces/9223372036854775807')
  getNs('get ns 2^63', () => '/v1/namespaces/9223372036854775808')
  getNs('get ns 20 digits', () => '/v1/namespaces/12345678901234567890')
  getNs('get ns -2^63', () => '/v1/namespaces/-9223372036854775808')
  getNs('get ns unicode digits', () => '/v1/namespaces/%D9%A3', { family: 'lax' })
  getNs('list ns by name', () => `/v1/namespaces/?name=${encodeURIComponent(`${NS}-a`)}`)
  getNs('list ns by unicode name', () => `/v1/namespaces/?name=${encodeURIComponent(`${NS}-ünïcødé-😀-é`)}`)
  getNs('HEAD list ns', () => `/v1/namespaces/?name=${NS}-a`, { method: 'HEAD' })
  getNs('list ns empty name', () => '/v1/namespaces/?name=')
  getNs('list ns page 0', () => `/v1/namespaces/?name=${NS}-a&page=0`)
  getNs('list ns page_size 51', () => `/v1/namespaces/?name=${NS}-a&page_size=51`)
  getNs('list ns page_size 0', () => `/v1/namespaces/?name=${NS}-a&page_size=0`)
  getNs('list ns page abc', () => `/v1/namespaces/?name=${NS}-a&page=abc`)
  getNs('list ns page 1.0', () => `/v1/namespaces/?name=${NS}-a&page=1.0`, { family: 'lax' })
  getNs('list ns page_size 5.0', () => `/v1/namespaces/?name=${NS}-a&page_size=5.0`, { family: 'lax' })
  getNs('list ns page 2', () => `/v1/namespaces/?name=${NS}-a&page=2&page_size=1`)
  getNs('list ns repeated page', () => `/v1/namespaces/?name=${NS}-a&page=abc&page=1`)
  getNs('list ns name 257', () => `/v1/namespaces/?name=${long(257)}`)
  getNs('list ns page big', () => `/v1/namespaces/?name=${NS}-a&page=99999999999999999999`)
  getNs('list ns no token', () => '/v1/namespaces/', { as: null })
  const patchNs = (name, key, body, s = {}) =>
    json({ family: nsf, name, method: 'PATCH', path: (c) => `/v1/namespaces/${ns(key)(c)}`, body, ...s })
  patchNs('patch ns a description', 'a', '{"description":"changed"}')
  patchNs('patch ns a empty', 'a', '{}')
  patchNs('patch ns a null name', 'a', '{"name":null}')
  patchNs('patch ns a name taken', 'a', `{"name":"${NS}-b"}`)
  patchNs('patch ns a same name', 'a', `{"name":"${NS}-a"}`)
  patchNs('patch ns a extra only', 'a', '{"foo":1}')
  patchNs('patch ns a null body', 'a', 'null', { family: 'lax' })
  patchNs('patch ns a no body', 'a', undefined)
  patchNs('patch ns b as guest', 'b', '{"description":"x"}', { as: 'guest' })
  patchNs('patch ns b as admin', 'b', '{"description":"by admin"}')
  json({
    family: nsf,
    name: 'patch ns missing',
    method: 'PATCH',
    path: '/v1/namespaces/999999999',
    body: '{"name":"z"}',
  })
  json({ family: nsf, name: 'patch ns abc bad body', method: 'PATCH', path: '/v1/namespaces/abc', body: '{"name":""}' })
  json({ family: nsf, name: 'patch ns abc null body', method: 'PATCH', path: '/v1/namespaces/abc', body: 'null' })
  json({ family: nsf, name: 'patch ns abc no body', method: 'PATCH', path: '/v1/namespaces/abc' })

  // --- HWMs: values --------------------------------------------------------------------------------
  const hf = 'hwm'
  const nf = 'numbers'
  const createHwm = (name, key, body, s = {}) =>
    json({
      family: hf,
      name,
      method: 'POST',
      path: '/v1/hwm/',
      body: typeof body === 'function' ? body : (c) => body.replace('$NS', ns('a')(c)),
      save: key ? saveId('hwm', key) : undefined,
      ...s,
    })
  const NUMBERS =
    '[1.0,1e-7,1e20,1.5e300,12345678901234567890,-0,-0.0,0.1,1e16,1e15,1e-5,1e-4,123456789012345678901234567890,' +
    '1E5,2.5e-10,0.30000000000000004,9007199254740993,-9223372036854775809,100.0,1.7976931348623157e308,5e-324,' +
    '123456789.123456789,-1.5E-3,0e0,1e0,3.14]'
  createHwm('create hwm numbers', 'nums', `{"namespace_id":$NS,"name":"nums","type":"t","value":${NUMBERS}}`, {
    family: nf,
  })
  createHwm('create hwm float', 'f', '{"namespace_id":$NS,"name":"f","type":"t","value":1.0}', { family: nf })
  createHwm('create hwm small float', 'sf', '{"namespace_id":$NS,"name":"sf","type":"t","value":1e-7}', {
    family: nf,
  })
  createHwm('create hwm bigint', 'big', '{"namespace_id":$NS,"name":"big","type":"t","value":18446744073709551616}', {
    family: nf,
  })
  createHwm(
    'create hwm object',
    'obj',
    '{"namespace_id":$NS,"name":"obj","type":"t","value":{"b":1,"2":2,"1":3.50,"a":{"z":[1e2]},"b":4,"__proto__":5,"":null}}',
    { family: nf },
  )
  createHwm(
    'create hwm unicode string',
    'str',
    '{"namespace_id":$NS,"name":"ünï 😀","type":"τ","value":"é\\u2028\\u001f\\u007f😀\\ud83d\\ude00\\/\\"","description":"d","entity":"e","expression":"x"}',
  )
  createHwm('create hwm value missing type (echo)', null, `{"namespace_id":$NS,"name":"m","value":${NUMBERS}}`, {
    family: nf,
  })
  createHwm(
    'create hwm echo object order',
    null,
    '{"2":1,"namespace_id":$NS,"1":2,"name":"","type":"t","value":{"b":1,"2":2,"1":-0.0}}',
    { family: nf },
  )
  createHwm('create hwm NaN', null, '{"namespace_id":$NS,"name":"nan","type":"t","value":NaN}', {
    family: nf,
  })
  createHwm('create hwm 1e400', null, '{"namespace_id":$NS,"name":"inf","type":"t","value":1e400}', {
    family: nf,
  })
  createHwm('create hwm -1e400', null, '{"namespace_id":$NS,"name":"ninf","type":"t","value":[-1e400]}', {
    family: nf,
  })
  createHwm('create hwm Infinity', null, '{"namespace_id":$NS,"name":"inf2","type":"t","value":Infinity}', {
    family: nf,
  })
  createHwm('create hwm value null', 'vnull', '{"namespace_id":$NS,"name":"vnull","type":"t","value":null}')
  createHwm('create hwm value missing', null, '{"namespace_id":$NS,"name":"vm","type":"t"}')
  createHwm('create hwm duplicate', null, '{"namespace_id":$NS,"name":"f","type":"t","value":1}')
  createHwm('create hwm name 2049', null, `{"namespace_id":$NS,"name":"${long(2049)}","type":"t","value":1}`)
  createHwm('create hwm type 65', null, `{"namespace_id":$NS,"name":"t65","type":"${long(65)}","value":1}`)
  createHwm('create hwm type 64', 't64', `{"namespace_id":$NS,"name":"t64","type":"${long(64)}","value":1}`)
  createHwm('create hwm all wrong', null, '{"namespace_id":"x","name":1,"type":[],"description":5,"entity":{}}')
  createHwm('create hwm null body', null, 'null', { family: 'lax' })
  createHwm('create hwm no body', null, () => undefined)
  createHwm('create hwm ns missing', null, '{"namespace_id":999999999,"name":"x","type":"t","value":1}')
  createHwm('create hwm as guest', null, '{"namespace_id":$NS,"name":"g","type":"t","value":1}', { as: 'guest' })
  createHwm('create hwm as dev (no role yet)', null, '{"namespace_id":$NS,"name":"g","type":"t","value":1}', {
    as: 'dev',
  })
  // pydantic's lax ints in a body
  const lax = 'lax'
  createHwm('create hwm ns id true', null, '{"namespace_id":true,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id false', null, '{"namespace_id":false,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm(
    'create hwm ns id string',
    'sid',
    (c) => `{"namespace_id":"${ns('a')(c)}","name":"sid","type":"t","value":1}`,
    {
      family: lax,
    },
  )
  createHwm(
    'create hwm ns id 5.0',
    'fid',
    (c) => `{"namespace_id":${ns('a')(c)}.0,"name":"fid","type":"t","value":1}`,
    {
      family: lax,
    },
  )
  createHwm('create hwm ns id 5.5', null, (c) => `{"namespace_id":${ns('a')(c)}.5,"name":"x","type":"t","value":1}`, {
    family: lax,
  })
  createHwm(
    'create hwm ns id "5.0"',
    'sfid',
    (c) => `{"namespace_id":"${ns('a')(c)}.0","name":"sfid","type":"t","value":1}`,
    {
      family: lax,
    },
  )
  createHwm(
    'create hwm ns id " 5 "',
    'spid',
    (c) => `{"namespace_id":" ${ns('a')(c)} ","name":"spid","type":"t","value":1}`,
    {
      family: lax,
    },
  )
  createHwm('create hwm ns id 1e-7', null, '{"namespace_id":1e-7,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id 1e2', null, '{"namespace_id":1e2,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id 1e400', null, '{"namespace_id":1e400,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id null', null, '{"namespace_id":null,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id []', null, '{"namespace_id":[],"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id -1', null, '{"namespace_id":-1,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id 2^63', null, '{"namespace_id":9223372036854775808,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id 2^63-1', null, '{"namespace_id":9223372036854775807,"name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id "abc"', null, '{"namespace_id":"abc","name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id "1_0"', null, '{"namespace_id":"99999_9999","name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm ns id "+5"', null, '{"namespace_id":"+999999999","name":"x","type":"t","value":1}', {
    family: lax,
    as: 'guest',
  })
  createHwm('create hwm name number', null, '{"namespace_id":$NS,"name":-1.0,"type":"t","value":1}', { family: lax })
  createHwm('create hwm name true', null, '{"namespace_id":$NS,"name":true,"type":"t","value":1}', { family: lax })
  createHwm('create hwm NUL value', 'nulv', '{"namespace_id":$NS,"name":"nulv","type":"t","value":"a\\u0000b"}')
  createHwm('create hwm entity null', 'en', '{"namespace_id":$NS,"name":"en","type":"t","value":1,"entity":null}')

  const getHwm = (name, path, s = {}) => step({ family: hf, name, method: 'GET', path, ...s })
  // Name order is PostgreSQL's C collation, by code point: an emoji (a surrogate pair in UTF-16)
  // sorts after U+FF01, and capitals before '_' before lower case.
  json({
    family: hf,
    name: 'create ns for name order',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-order"}`,
    save: saveId('ns', 'order'),
  })
  for (const name of ['\uff01x', '😀x', 'a', 'B', '_z', 'é', '\u00e9x', 'e\u0301'])
    json({
      family: hf,
      name: `create hwm for name order ${JSON.stringify(name)}`,
      method: 'POST',
      path: '/v1/hwm/',
      body: (c) => JSON.stringify({ namespace_id: ns('order')(c), name, type: 't', value: 1 }),
    })
  getHwm('list hwm in code point order', (c) => `/v1/hwm/?namespace_id=${ns('order')(c)}&page_size=50`)
  getHwm('get hwm numbers', (c) => `/v1/hwm/${hwm('nums')(c)}`, { family: nf })
  getHwm('get hwm object', (c) => `/v1/hwm/${hwm('obj')(c)}`, { family: nf })
  getHwm('get hwm big', (c) => `/v1/hwm/${hwm('big')(c)}`, { family: nf })
  getHwm('get hwm str', (c) => `/v1/hwm/${hwm('str')(c)}`)
  getHwm('HEAD hwm numbers', (c) => `/v1/hwm/${hwm('nums')(c)}`, { method: 'HEAD' })
  getHwm('get hwm 1.0 form', (c) => `/v1/hwm/${hwm('f')(c)}.0`, { family: lax })
  getHwm('get hwm abc', () => '/v1/hwm/abc')
  getHwm('get hwm -1', () => '/v1/hwm/-1')
  getHwm('get hwm missing', () => '/v1/hwm/999999999')
  getHwm('get hwm 2^63', () => '/v1/hwm/9223372036854775808')
  getHwm('get hwm copy', () => '/v1/hwm/copy')
  getHwm('get hwm no token', (c) => `/v1/hwm/${hwm('f')(c)}`, { as: null })
  getHwm('list hwm', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}`, { family: nf })
  getHwm('list hwm page 2', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}&page=2&page_size=3`)
  getHwm('list hwm by name', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}&name=f`)
  getHwm('list hwm by unicode name', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}&name=${encodeURIComponent('ünï 😀')}`)
  getHwm('list hwm no namespace', () => '/v1/hwm/')
  getHwm('list hwm namespace abc', () => '/v1/hwm/?namespace_id=abc&page=0')
  getHwm('list hwm namespace 1.0', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}.0&name=f`, { family: lax })
  getHwm('list hwm namespace missing', () => '/v1/hwm/?namespace_id=999999999')
  getHwm('list hwm no slash', (c) => `/v1/hwm?namespace_id=${ns('a')(c)}`)

  const patchHwm = (name, key, body, s = {}) =>
    json({ family: hf, name, method: 'PATCH', path: (c) => `/v1/hwm/${hwm(key)(c)}`, body, ...s })
  patchHwm('patch hwm value float', 'f', '{"value":2.50}', { family: nf })
  patchHwm('patch hwm value numbers', 'f', `{"value":${NUMBERS}}`, { family: nf })
  patchHwm('patch hwm value big', 'big', '{"value":-18446744073709551617}', { family: nf })
  patchHwm('patch hwm empty', 'f', '{}')
  patchHwm('patch hwm null value', 'f', '{"value":null}')
  patchHwm('patch hwm null name', 'f', '{"name":null}')
  patchHwm('patch hwm null entity', 'f', '{"entity":null,"expression":"e"}')
  patchHwm('patch hwm namespace_id only', 'f', '{"namespace_id":999999999}')
  patchHwm('patch hwm name taken', 'f', '{"name":"sf"}')
  patchHwm('patch hwm rename', 'sf', '{"name":"sf2","description":"renamed"}')
  patchHwm('patch hwm null body', 'f', 'null', { family: lax })
  patchHwm('patch hwm as guest', 'f', '{"value":1}', { as: 'guest' })
  patchHwm('patch hwm NaN', 'f', '{"value":NaN}', { family: nf })
  json({ family: hf, name: 'patch hwm missing', method: 'PATCH', path: '/v1/hwm/999999999', body: '{"value":1}' })

  // --- permissions ---------------------------------------------------------------------------------
  const pf = 'permissions'
  const perm = (name, key, body, s = {}) =>
    json({ family: pf, name, method: 'PATCH', path: (c) => `/v1/namespaces/${ns(key)(c)}/permissions`, body, ...s })
  step({
    family: pf,
    name: 'get permissions a',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('a')(c)}/permissions`,
  })
  perm(
    'grant dev and maint',
    'a',
    `{"permissions":[{"username":"${u.maint}","role":"MAINTAINER"},{"username":"${u.dev}","role":"DEVELOPER"},{"username":"${u.uni}","role":"DEVELOPER"}]}`,
  )
  perm('grant unknown user', 'a', `{"permissions":[{"username":"${P}-nobody","role":"DEVELOPER"}]}`)
  perm('grant lowercase role', 'a', `{"permissions":[{"username":"${u.dev}","role":"developer"}]}`)
  perm('grant GUEST role', 'a', `{"permissions":[{"username":"${u.dev}","role":"GUEST"}]}`)
  perm('grant duplicates', 'a', `{"permissions":[{"username":"${u.dev}"},{"username":"${u.dev}","role":"OWNER"}]}`)
  perm(
    'grant two owners',
    'a',
    `{"permissions":[{"username":"${u.dev}","role":"OWNER"},{"username":"${u.maint}","role":"OWNER"}]}`,
  )
  perm('drop own ownership', 'a', '{"permissions":[{"username":"admin","role":"DEVELOPER"}]}')
  perm('grant empty list', 'a', '{"permissions":[]}')
  perm('grant not a list', 'a', '{"permissions":{"username":"x"}}')
  perm('grant item missing username', 'a', '{"permissions":[{"role":"DEVELOPER"}]}')
  perm('grant as guest', 'a', `{"permissions":[{"username":"${u.guest}","role":"DEVELOPER"}]}`, { as: 'guest' })
  perm('grant null body', 'a', 'null', { family: lax })
  perm('grant on b by admin (not owner)', 'b', `{"permissions":[{"username":"${u.guest}","role":"DEVELOPER"}]}`)
  perm('admin drops dev on b', 'b', `{"permissions":[{"username":"${u.dev}","role":"DEVELOPER"}]}`)
  perm('remove uni', 'a', `{"permissions":[{"username":"${u.uni}","role":null}]}`)
  perm('remove not granted', 'a', `{"permissions":[{"username":"${u.guest}"}]}`)
  step({
    family: pf,
    name: 'get permissions a after',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('a')(c)}/permissions`,
  })
  step({
    family: pf,
    name: 'get permissions b',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('b')(c)}/permissions`,
  })
  step({
    family: pf,
    name: 'get permissions as dev',
    as: 'dev',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('a')(c)}/permissions`,
  })
  step({ family: pf, name: 'get permissions missing ns', method: 'GET', path: '/v1/namespaces/999999999/permissions' })
  step({ family: pf, name: 'get permissions abc', method: 'GET', path: '/v1/namespaces/abc/permissions' })
  step({
    family: pf,
    name: 'HEAD permissions',
    method: 'HEAD',
    path: (c) => `/v1/namespaces/${ns('a')(c)}/permissions`,
  })
  createHwm('create hwm as dev', 'dev', '{"namespace_id":$NS,"name":"dev","type":"t","value":{"x":1.10}}', {
    as: 'dev',
  })
  patchHwm('patch hwm as dev', 'f', '{"description":"dev was here"}', { as: 'dev' })
  step({ family: hf, name: 'delete hwm as dev', as: 'dev', method: 'DELETE', path: (c) => `/v1/hwm/${hwm('f')(c)}` })

  // --- bulk delete and copy ------------------------------------------------------------------------
  const bf = 'bulk'
  const bulkDelete = (name, body, s = {}) => json({ family: bf, name, method: 'DELETE', path: '/v1/hwm/', body, ...s })
  bulkDelete('bulk delete empty ids', (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":[]}`)
  bulkDelete('bulk delete ids string', (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":"abc"}`)
  bulkDelete('bulk delete ids empty string', (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":""}`)
  bulkDelete('bulk delete ids object', (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":{}}`)
  bulkDelete('bulk delete ids null', (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":null}`)
  bulkDelete('bulk delete ids missing', (c) => `{"namespace_id":${ns('a')(c)}}`)
  bulkDelete(
    'bulk delete ids bad items',
    (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":[-1.5,"x",true,"7",2.0,null]}`,
    {
      family: lax,
    },
  )
  bulkDelete('bulk delete null body', 'null', { family: lax })
  bulkDelete('bulk delete no body', undefined)
  bulkDelete('bulk delete as dev', (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":[${hwm('sf')(c)}]}`, { as: 'dev' })
  bulkDelete('bulk delete missing ns', '{"namespace_id":999999999,"hwm_ids":[1]}')
  bulkDelete('bulk delete ids elsewhere', (c) => `{"namespace_id":${ns('b')(c)},"hwm_ids":[${hwm('sf')(c)},999999999]}`)
  bulkDelete(
    'bulk delete as maint',
    (c) => `{"namespace_id":${ns('a')(c)},"hwm_ids":[${hwm('sf')(c)},${hwm('t64')(c)}.0,"${hwm('en')(c)}",999999999]}`,
    { as: 'maint' },
  )
  step({
    family: bf,
    name: 'bulk delete text/plain',
    method: 'DELETE',
    path: '/v1/hwm/',
    headers: { 'content-type': 'text/plain' },
    body: '{"namespace_id":1,"hwm_ids":[1]}',
  })
  const copy = (name, body, s = {}) => json({ family: bf, name, method: 'POST', path: '/v1/hwm/copy', body, ...s })
  copy(
    'copy a to b with history',
    (c) =>
      `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[${hwm('nums')(c)},${hwm('obj')(c)},${hwm('str')(c)},999999999],"with_history":true}`,
  )
  copy(
    'copy a to b clash',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[${hwm('nums')(c)}]}`,
  )
  copy(
    'copy a to extra no history',
    (c) =>
      `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('extra')(c)},"hwm_ids":[${hwm('big')(c)}],"with_history":false}`,
  )
  copy(
    'copy same ns',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('a')(c)},"hwm_ids":[999999999]}`,
  )
  copy(
    'copy same ns 5 and 5.0',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('a')(c)}.0,"hwm_ids":[999999999]}`,
    {
      family: lax,
    },
  )
  copy(
    'copy empty ids',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[]}`,
  )
  copy(
    'copy with_history words',
    (c) =>
      `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[${hwm('vnull')(c)}],"with_history":"yes"}`,
    { family: lax },
  )
  copy(
    'copy with_history 1.0',
    (c) =>
      `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('uni')(c)},"hwm_ids":[${hwm('vnull')(c)}],"with_history":1.0}`,
    { family: lax },
  )
  copy(
    'copy with_history maybe',
    (c) =>
      `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[999999999],"with_history":"maybe"}`,
    { family: lax },
  )
  copy(
    'copy with_history 2',
    (c) =>
      `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[999999999],"with_history":2}`,
    { family: lax },
  )
  copy(
    'copy missing source',
    (c) => `{"source_namespace_id":999999999,"target_namespace_id":${ns('b')(c)},"hwm_ids":[999999999]}`,
  )
  copy(
    'copy missing target',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":999999999,"hwm_ids":[999999999]}`,
  )
  copy(
    'copy as guest',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[999999999]}`,
    { as: 'guest' },
  )
  copy('copy null body', 'null', { family: lax })
  copy('copy all missing', '{}')
  copy(
    'copy ids 2^63',
    (c) => `{"source_namespace_id":${ns('a')(c)},"target_namespace_id":${ns('b')(c)},"hwm_ids":[9223372036854775808]}`,
  )

  // --- histories -----------------------------------------------------------------------------------
  const hh = 'history'
  const hist = (name, path, s = {}) => step({ family: hh, name, method: 'GET', path, ...s })
  hist('hwm history numbers', (c) => `/v1/hwm-history/?hwm_id=${hwm('f')(c)}`, { family: nf })
  hist('hwm history nums', (c) => `/v1/hwm-history/?hwm_id=${hwm('nums')(c)}`)
  hist('hwm history sf (bulk deleted)', (c) => `/v1/hwm-history/?hwm_id=${hwm('sf')(c)}`, { family: 'order' })
  hist('hwm history t64 (bulk deleted)', (c) => `/v1/hwm-history/?hwm_id=${hwm('t64')(c)}`, { family: 'order' })
  hist('hwm history page 2', (c) => `/v1/hwm-history/?hwm_id=${hwm('f')(c)}&page=2&page_size=2`, { family: 'order' })
  hist('hwm history missing id', () => '/v1/hwm-history/')
  hist('hwm history abc', () => '/v1/hwm-history/?hwm_id=abc')
  hist('hwm history 1.0', (c) => `/v1/hwm-history/?hwm_id=${hwm('nums')(c)}.0&page_size=1`, { family: lax })
  hist('hwm history unknown', () => '/v1/hwm-history/?hwm_id=999999999')
  hist('hwm history HEAD', (c) => `/v1/hwm-history/?hwm_id=${hwm('nums')(c)}`, { method: 'HEAD' })
  hist('ns history a', (c) => `/v1/namespace-history/?namespace_id=${ns('a')(c)}`)
  hist('ns history b', (c) => `/v1/namespace-history/?namespace_id=${ns('b')(c)}`)
  hist('ns history missing id', () => '/v1/namespace-history/')
  hist('ns history page_size 50', (c) => `/v1/namespace-history/?namespace_id=${ns('a')(c)}&page_size=50`)
  hist('ns history no token', (c) => `/v1/namespace-history/?namespace_id=${ns('a')(c)}`, { as: null })

  // --- deletes -------------------------------------------------------------------------------------
  const del = (name, path, s = {}) => step({ family: 'delete', name, method: 'DELETE', path, ...s })
  del('delete ns a with hwms', (c) => `/v1/namespaces/${ns('a')(c)}`)
  del('delete ns a as guest', (c) => `/v1/namespaces/${ns('a')(c)}`, { as: 'guest' })
  del('delete ns missing', () => '/v1/namespaces/999999999')
  del('delete ns abc', () => '/v1/namespaces/abc')
  del('delete ns 1.0 form', (c) => `/v1/namespaces/${ns('noct')(c)}.0`, { family: lax })
  del('delete ns again', (c) => `/v1/namespaces/${ns('noct')(c)}`)
  del('delete hwm missing', () => '/v1/hwm/999999999')
  del('delete hwm as guest', (c) => `/v1/hwm/${hwm('nums')(c)}`, { as: 'guest' })
  del('delete hwm with body', (c) => `/v1/hwm/${hwm('nulv')(c)}`, { headers: { 'content-type': J }, body: '{"x":1}' })
  del('delete hwm str', (c) => `/v1/hwm/${hwm('str')(c)}`)
  hist('hwm history str after delete', (c) => `/v1/hwm-history/?hwm_id=${hwm('str')(c)}`, { family: 'order' })
  del('delete ns vnd', (c) => `/v1/namespaces/${ns('vnd')(c)}`)
  hist('ns history vnd after delete', (c) => `/v1/namespace-history/?namespace_id=${ns('vnd')(c)}`, { family: 'order' })
  getNs('get ns vnd after delete', (c) => `/v1/namespaces/${ns('vnd')(c)}`)

  // --- encodings, content types and odd forms ---------------------------------------------------
  const enc = 'encoding'
  const raw = (name, body, type = J, s = {}) =>
    step({ family: enc, name, method: 'POST', path: '/v1/namespaces/', headers: { 'content-type': type }, body, ...s })
  raw('create ns BOM', `\ufeff{"name":"${NS}-bom"}`, J, { save: saveId('ns', 'bom') })
  raw('create ns charset', `{"name":"${NS}-cs"}`, 'application/json; charset=utf-8')
  raw('create ns upper type', `{"name":"${NS}-up"}`, 'APPLICATION/JSON')
  raw('create ns json-patch', `{"name":"${NS}-jp"}`, 'application/json-patch+json')
  raw('create ns text/json', `{"name":"${NS}-tj"}`, 'text/json')
  raw('create ns type params', `{"name":"${NS}-tp2"}`, 'application/json ; foo=bar')
  raw('create ns whitespace body', ' \n\t ')
  raw('create ns deep array', `${'['.repeat(300)}${']'.repeat(300)}`)
  raw('create ns huge int', `{"name":${'9'.repeat(4301)}}`)
  raw('create ns int 4300', `{"name":${'9'.repeat(4300)}}`)
  raw('create ns 256 emoji', `{"name":"${P}${'😀'.repeat(256 - P.length)}"}`)
  raw('create ns 257 emoji', `{"name":"${P}${'😀'.repeat(257 - P.length)}"}`)
  raw('create ns spaces name', `{"name":"${NS} sp ace "}`, J, { save: saveId('ns', 'space') })
  raw('create ns escaped name', `{"name":"${NS}-\\u0041\\n\\t\\"q\\"\\\\"}`)
  raw('create ns control char raw', `{"name":"${NS}-\u0001"}`)
  raw('create ns NaN name', '{"name":NaN}')
  raw('create ns single quotes', "{'name':'x'}")
  raw('create ns top-level nested', '{"name":{"a":[1.0,{"b":1e-9}]}}')
  raw('create ns duplicate key', `{"name":"${NS}-dup1","name":5}`)
  raw('create ns description unicode', `{"name":"${NS}-du","description":"\\u2028\\u2029é😀\\u0000"}`)
  getNs('get ns percent-encoded id', (c) => `/v1/namespaces/${[...String(ns('a')(c))].map((d) => `%3${d}`).join('')}`, {
    family: enc,
  })
  getNs('get ns space name filter', () => `/v1/namespaces/?name=${encodeURIComponent(`${NS} sp ace `)}`, {
    family: enc,
  })
  getNs('get ns plus in query', () => `/v1/namespaces/?name=${NS}+sp+ace+`, { family: enc })
  getNs(
    'get ns name filter 256 emoji',
    () => `/v1/namespaces/?name=${encodeURIComponent(P + '😀'.repeat(256 - P.length))}`,
    {
      family: enc,
    },
  )
  getNs(
    'get ns name filter 257 emoji',
    () => `/v1/namespaces/?name=${encodeURIComponent(P + '😀'.repeat(257 - P.length))}`,
    {
      family: enc,
    },
  )
  getNs('get ns bad percent', () => '/v1/namespaces/%ZZ', { family: enc })
  getNs('get ns encoded slash', () => '/v1/namespaces/1%2F2', { family: enc })
  getNs('get ns query no value', () => `/v1/namespaces/?name`, { family: enc })
  getNs('get ns query unknown param', () => `/v1/namespaces/?name=${NS}-a&foo=1&page_size=1`, { family: enc })
  step({ family: enc, name: 'copy/ 307', method: 'POST', path: '/v1/hwm/copy/' })
  step({ family: enc, name: 'hwm id slash', method: 'GET', path: '/v1/hwm/1/' })
  step({
    family: enc,
    name: 'permissions slash',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('a')(c)}/permissions/`,
  })
  step({ family: enc, name: 'history query slash', method: 'GET', path: '/v1/hwm-history?hwm_id=1&x=%20' })
  token('login repeated username', {
    family: enc,
    headers: { 'content-type': FORM },
    body: `username=${P}-nobody&username=${encodeURIComponent(u.dev)}&password=x`,
  })
  token('login plus spaces', { family: enc, headers: { 'content-type': FORM }, body: `username=${P}+sp&password=a+b` })
  token('login form charset', {
    family: enc,
    headers: { 'content-type': `${FORM}; charset=utf-8` },
    body: `username=${P}-dev&password=x`,
  })
  token('login unicode percent', {
    family: enc,
    headers: { 'content-type': FORM },
    body: `username=${encodeURIComponent(u.uni)}&password=%C3%A9`,
  })
  token('login bad percent', { family: enc, headers: { 'content-type': FORM }, body: 'username=%ZZ&password=x' })
  token('login no password key value', {
    family: enc,
    headers: { 'content-type': FORM },
    body: `username=${P}-dev&password`,
  })
  me('whoami bearer extra', { family: enc, as: null, headers: { authorization: (c) => `Bearer ${c.tok.dev} extra` } })
  me('whoami two spaces', { family: enc, as: null, headers: { authorization: (c) => `Bearer  ${c.tok.dev}` } })
  me('whoami token with query', { family: enc, as: 'dev', path: '/v1/users/me?x=1' })
  createHwm(
    'create hwm deep value 254',
    null,
    `{"namespace_id":$NS,"name":"deep","type":"t","value":${'['.repeat(254)}${']'.repeat(254)}}`,
    {
      family: enc,
    },
  )
  createHwm(
    'create hwm value big float list',
    null,
    '{"namespace_id":$NS,"name":"bf","type":"t","value":[1e308,-1e-308,2.2250738585072014e-308,4.9e-324,123456789012345678,0.1e1,10e-1,1.23456789012345678]}',
    {
      family: nf,
    },
  )
  getHwm('list hwm name 2049', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}&name=${long(2049)}`, { family: enc })
  getHwm('list hwm namespace -0', () => '/v1/hwm/?namespace_id=-0', { family: enc })
  getHwm('list hwm page 999', (c) => `/v1/hwm/?namespace_id=${ns('a')(c)}&page=999`, { family: enc })
  patchHwm('patch hwm type number', 'f', '{"type":5e0}', { family: nf })
  patchHwm('patch hwm entity list', 'f', '{"entity":[1.50]}', { family: nf })

  // --- name order (PostgreSQL's collation) --------------------------------------------------------
  const ord = 'order'
  json({
    family: ord,
    name: 'create ns o',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-o"}`,
    save: saveId('ns', 'o'),
  })
  const NAMES = [
    'B',
    'a',
    'é',
    'Z',
    '_x',
    '10',
    '9',
    'a b',
    'ab',
    'A',
    'b',
    'e',
    'f',
    '-a',
    'a-b',
    'ä',
    'Ä',
    '😀',
    'ß',
    'ss',
    'Ω',
    'z',
    ' a',
    'a.b',
    'aB',
    'Ab',
    'i̇',
    'ı',
  ]
  for (const [i, name] of NAMES.entries())
    createHwm(
      `create hwm order ${i}`,
      null,
      (c) => `{"namespace_id":${ns('o')(c)},"name":${JSON.stringify(name)},"type":"t","value":${i}}`,
      { family: ord },
    )
  getHwm('list hwm order page 1', (c) => `/v1/hwm/?namespace_id=${ns('o')(c)}&page_size=50`, { family: ord })
  getHwm('list hwm order page 2 of 10', (c) => `/v1/hwm/?namespace_id=${ns('o')(c)}&page=2&page_size=10`, {
    family: ord,
  })
  getNs('list ns by prefix-like name', () => `/v1/namespaces/?name=${NS}`, { family: ord })

  // --- more writes and their history ------------------------------------------------------------
  const mw = 'writes'
  createHwm('create hwm w', 'w', (c) => `{"namespace_id":${ns('o')(c)},"name":"w","type":"t","value":{"k":[1.0]}}`, {
    family: mw,
  })
  patchHwm('patch hwm w same value', 'w', '{"value":{"k":[1.0]}}', { family: mw })
  patchHwm(
    'patch hwm w all fields',
    'w',
    '{"name":"w2","description":"d","type":"t2","value":-0.0,"entity":"e","expression":null}',
    { family: mw },
  )
  hist('hwm history w', (c) => `/v1/hwm-history/?hwm_id=${hwm('w')(c)}`, { family: mw })
  copy(
    'copy o to uni duplicates',
    (c) =>
      `{"source_namespace_id":${ns('o')(c)},"target_namespace_id":${ns('uni')(c)},"hwm_ids":[${hwm('w')(c)},${hwm('w')(c)}]}`,
    {
      family: mw,
      save: (c, r) => {
        if (r.status === 201) c.hwm.wcopy = JSON.parse(r.body).hwms[0]?.id
      },
    },
  )
  hist('hwm history w copy (no history)', (c) => `/v1/hwm-history/?hwm_id=${hwm('wcopy')(c)}`, { family: mw })
  bulkDelete(
    'bulk delete duplicates',
    (c) => `{"namespace_id":${ns('uni')(c)},"hwm_ids":[${hwm('wcopy')(c)},${hwm('wcopy')(c)}]}`,
    { family: mw },
  )
  hist('hwm history w copy after bulk', (c) => `/v1/hwm-history/?hwm_id=${hwm('wcopy')(c)}`, { family: mw })
  patchNs('rename ns o', 'o', `{"name":"${NS}-o2","description":"renamed"}`, { family: mw })
  hist('ns history o', (c) => `/v1/namespace-history/?namespace_id=${ns('o')(c)}`, { family: mw })
  perm(
    'owner grants self developer with new owner',
    'o',
    `{"permissions":[{"username":"admin","role":"DEVELOPER"},{"username":"${u.maint}","role":"OWNER"}]}`,
    { family: mw },
  )
  step({
    family: mw,
    name: 'get permissions o after transfer',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('o')(c)}/permissions`,
  })
  perm('new owner gives ownership back', 'o', '{"permissions":[{"username":"admin","role":"OWNER"}]}', {
    family: mw,
    as: 'maint',
  })
  step({
    family: mw,
    name: 'get permissions o after return',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('o')(c)}/permissions`,
  })
  hist('ns history o after transfers', (c) => `/v1/namespace-history/?namespace_id=${ns('o')(c)}`, { family: mw })
  me('whoami forged token', {
    family: 'auth',
    as: null,
    headers: {
      authorization:
        'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoxLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl',
    },
  })
  me('whoami alg none', {
    family: 'auth',
    as: null,
    headers: { authorization: 'Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJ1c2VyX2lkIjoxLCJleHAiOjQxMDI0NDQ4MDB9.' },
  })
  token('login multipart file username', {
    family: enc,
    headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
    body: `--XyZ\r\nContent-Disposition: form-data; name="username"; filename="u.txt"\r\nContent-Type: text/plain\r\n\r\nfile-user\r\n--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\nx\r\n--XyZ--\r\n`,
  })
  token('login multipart no boundary', {
    family: enc,
    headers: { 'content-type': 'multipart/form-data' },
    body: 'username=a&password=b',
  })
  token('login multipart broken', {
    family: enc,
    headers: { 'content-type': 'multipart/form-data; boundary=XyZ' },
    body: '--XyZ\r\nbroken',
  })
  const mp = (name, body, type = 'multipart/form-data; boundary=XyZ') =>
    token(name, { family: enc, headers: { 'content-type': type }, body })
  const part = (name, value, extra = '') =>
    `--XyZ\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`
  mp(
    'login multipart unfinished password',
    `${part('username', `${P}-mp`)}--XyZ\r\nContent-Disposition: form-data; name="password"\r\n\r\nx\r\n`,
  )
  mp('login multipart no closing', `${part('username', `${P}-mp`)}${part('password', 'x')}`)
  mp('login multipart no final crlf', `${part('username', `${P}-mp`)}${part('password', 'x')}--XyZ--`)
  mp(
    'login multipart quoted boundary',
    `${part('username', `${P}-mpq`)}${part('password', 'x')}--XyZ--\r\n`,
    'multipart/form-data; boundary="XyZ"',
  )
  mp('login multipart no name', '--XyZ\r\nX-Other: 1\r\n\r\nval\r\n--XyZ--\r\n')
  mp('login multipart preamble', `preamble\r\n${part('username', 'x')}--XyZ--\r\n`)
  mp('login multipart empty', '')
  mp(
    'login multipart unquoted name',
    `--XyZ\r\nContent-Disposition: form-data; name=username\r\n\r\n${P}-mpu\r\n${part('password', 'x')}--XyZ--\r\n`,
  )
  step({
    family: enc,
    name: 'GET with json body',
    method: 'GET',
    path: (c) => `/v1/namespaces/${ns('a')(c)}`,
    headers: { 'content-type': J },
    body: '{"x":',
  })

  // --- more lax edges -----------------------------------------------------------------------------
  getHwm('get hwm space id', () => '/v1/hwm/%20', { family: lax })
  getHwm('get hwm em space id', () => '/v1/hwm/%E2%80%83999999999%E2%80%83', { family: lax })
  getHwm('get hwm NUL id', () => '/v1/hwm/1%00', { family: lax })
  getHwm('get hwm tab id', () => '/v1/hwm/%09999999999', { family: lax })
  getNs('list ns page -huge', () => `/v1/namespaces/?name=${NS}-a&page=-99999999999999999999`, { family: lax })
  getNs('list ns page_size 51.0', () => `/v1/namespaces/?name=${NS}-a&page_size=51.0`, { family: lax })
  getNs('list ns page_size 50.0', () => `/v1/namespaces/?name=${NS}-a&page_size=50.0`, { family: lax })
  getNs('list ns page_size +1', () => `/v1/namespaces/?name=${NS}-a&page_size=%2B1`, { family: lax })
  getHwm('list hwm repeated namespace', (c) => `/v1/hwm/?namespace_id=abc&namespace_id=${ns('a')(c)}&name=f`, {
    family: lax,
  })
  perm('grant unicode user', 'a', `{"permissions":[{"username":"${u.uni}","role":"MAINTAINER"}]}`, { family: lax })
  perm('grant role number', 'a', `{"permissions":[{"username":"${u.uni}","role":1}]}`, { family: lax })
  perm('grant username number', 'a', '{"permissions":[{"username":5,"role":"DEVELOPER"}]}', { family: lax })
  perm('grant extra item fields', 'a', `{"permissions":[{"username":"${u.uni}","role":"DEVELOPER","x":1.50}],"y":2}`, {
    family: lax,
  })

  // --- a lone surrogate in a value: the real server stores it, then answers 500 to every read of
  // it (its namespace's HWM list included), so it goes into a namespace of its own
  json({
    family: hf,
    name: 'create ns s',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-s"}`,
    save: saveId('ns', 's'),
  })
  createHwm(
    'create hwm lone surrogate value',
    null,
    (c) => `{"namespace_id":${ns('s')(c)},"name":"sur","type":"t","value":"\\ud800"}`,
  )
  createHwm(
    'create hwm NUL name',
    null,
    (c) => `{"namespace_id":${ns('s')(c)},"name":"a\\u0000b","type":"t","value":1}`,
  )
  getHwm('list hwm lone surrogate', (c) => `/v1/hwm/?namespace_id=${ns('s')(c)}`)

  // --- the real server's ownership bug: reads of a transferred namespace -------------------------
  json({
    family: nsf,
    name: 'create ns t',
    method: 'POST',
    path: '/v1/namespaces/',
    body: `{"name":"${NS}-t"}`,
    save: saveId('ns', 't'),
  })
  perm('transfer t to dev', 't', `{"permissions":[{"username":"${u.dev}","role":"OWNER"}]}`)
  getNs('get ns t as guest (transferred)', (c) => `/v1/namespaces/${ns('t')(c)}`, { as: 'guest' })
  getNs('get ns t as dev (owner)', (c) => `/v1/namespaces/${ns('t')(c)}`, { as: 'dev' })
  return out
}
