using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api;

/// <summary>
/// Headers every answer carries so a browser holds the console to what it is: scripts and styles only from this
/// server (the console builds every node from text and has no inline script or style), never framed (no clickjacking
/// of a hold release), never sniffed into another content type, and no key-bearing page address leaked as a referrer.
/// </summary>
/// <remarks>
/// The API reference at <c>/docs</c> (Scalar) configures itself with an inline script and styles, so its pages get a
/// policy that allows inline code but still nothing from another origin.
/// </remarks>
internal static class SecurityHeaders
{
    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var headers = context.Response.Headers;
        var path = context.Request.Path;
        headers.ContentSecurityPolicy = path.StartsWithSegments("/docs") || path.StartsWithSegments("/scalar") ? ReferencePolicy : ConsolePolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    });
}
