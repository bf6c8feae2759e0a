/**
 * The session cookie's name, apart from the session code so that the OpenAPI document can
 * name it without bundling the session store. `__Host-` in AWS: the browser then takes the
 * cookie only over https, for the whole site and from no other (sub)domain. Plain http on this
 * machine cannot carry that prefix, so locally the name stays `omi_session`. Only this one name
 * is read; any other (an old name) is ignored.
 */
export const secureCookies = () => process.env.OMI_SECURE_COOKIES === '1';
export const sessionCookieName = () => (secureCookies() ? '__Host-omi_session' : 'omi_session');
