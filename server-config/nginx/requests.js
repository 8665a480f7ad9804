// Loaded by nginx.conf (njs): requests the proxy refuses itself, with its problem+json 400, because
// Payara's HTTP layer would refuse them with an empty 400 before the application could answer.

// "1" when a header value holds a control character (tab aside, which HTTP allows) or a byte outside
// ASCII (even "José").
function unreadableHeaderValue(r) {
    for (const name in r.headersIn) {
        if (/[^\t\x20-\x7e]/.test(r.headersIn[name])) {
            return '1';
        }
    }
    return '';
}

// "1" when the path's percent-encoding is not UTF-8 (an overlong "%C0%AE", a lone "%80"). Query
// parameters are the application's to judge (RequestLineFilter).
function unreadablePath(r) {
    try {
        decodeURIComponent(r.variables.request_uri.split('?')[0]);
        return '';
    } catch (e) {
        return '1';
    }
}

export default {unreadableHeaderValue, unreadablePath};
