using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Reticle.Cli.Api;

/// <summary>
/// An id taken from the request path, decoded exactly once. Ids may contain '/' (licence numbers such as
/// <c>NL/2023/0042</c>); a client sends it as <c>%2F</c>. The server decodes every escape in the path except <c>%2F</c>
/// (so that it does not add a segment), which leaves the route value half decoded: <c>NL%2F2023%2F0042</c>, and an id
/// with a literal <c>%2F</c> in it indistinguishable from one with a slash. The raw request target still has the
/// segment as the client escaped it, so the id is decoded from there.
/// </summary>
internal static class PathId
{
    /// <summary>The id at path segment <paramref name="segment"/> (0 is the first after the leading '/': <c>api</c>).</summary>
    public static string Of(HttpContext context, int segment, string routeValue)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            // No raw target (an in-memory test host): the route value is all there is; only the slash is left escaped.
            return routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        }
        var query = raw.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? raw : raw[..query]).Split('/');
        return segment + 1 < segments.Length ? Uri.UnescapeDataString(segments[segment + 1]) : routeValue;
    }
}
