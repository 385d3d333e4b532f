using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reticle.Service.Access;

namespace Reticle.Cli.Api.Access;

/// <summary>
/// <c>Authorization: Bearer KEY</c> (or <c>X-Api-Key: KEY</c>). The principal's name is the key's name and
/// its roles are the key's role and every role below it. 401 and 403 are answered as problem details.
/// </summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyDirectory keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = Presented(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }
        var found = await keys.FindAsync(key, Context.RequestAborted);
        if (found is null || !Roles.TryParse(found.Role, out var role))
        {
            return AuthenticateResult.Fail("unknown API key");
        }
        var claims = new List<Claim> { new(ClaimTypes.Name, found.Name) };
        claims.AddRange(role.Included().Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var presented = Presented(Request) is not null;
        await WriteAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            presented ? "The API key is not known." : "An API key is needed: 'Authorization: Bearer KEY' (create one with 'reticle keys create').");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        var role = Context.User.FindAll(ClaimTypes.Role).Select(c => c.Value).LastOrDefault() ?? "none";
        return WriteAsync(StatusCodes.Status403Forbidden, "Forbidden",
            $"The API key '{Context.User.Identity?.Name}' has the role {role}, which does not allow this call.");
    }

    private Task WriteAsync(int status, string title, string detail) =>
        Context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();

    private static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim() is { Length: > 0 } bearer ? bearer : null;
        }
        return request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header ? header.Trim() : null;
    }
}
