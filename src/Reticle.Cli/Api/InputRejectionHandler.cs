using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api;

/// <summary>
/// Answers a rejection raised while reading a request (a body that is not valid UTF-8) with the problem details its
/// kind calls for, naming where, instead of a 500: reading the body happens before an endpoint can answer itself.
/// </summary>
internal sealed class InputRejectionHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BodyRejectedException rejected)
        {
            return false;
        }
        await Problems.From(rejected.Refusal).ExecuteAsync(httpContext);
        return true;
    }
}
