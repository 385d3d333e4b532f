using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api;

/// <summary>JSON answers written exactly as the engine and the shell's writers shape them (the same shapes as <c>--json</c>), compact.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(JsonNode node) => Text(node.ToJsonString(Options));

    /// <summary>An answer already written as JSON text (by <see cref="Options"/>): a decision is written once, for the store and the caller.</summary>
    public static IResult Text(string json) => Results.Text(json, "application/json", System.Text.Encoding.UTF8);

    /// <summary>201 with a Location header naming what was recorded.</summary>
    public static IResult Created(string location, JsonNode node) => new CreatedJson(location, node.ToJsonString(Options));

    /// <summary>
    /// 200 with JSON written while it is made, for answers the size of the user's book: nothing is held beyond a chunk. An
    /// error before the first chunk still answers a problem; after it, the response is cut short and the client sees broken JSON.
    /// </summary>
    public static IResult Streamed(Func<TextWriter, CancellationToken, Task> write) => new StreamedJson(write);

    private sealed class StreamedJson(Func<TextWriter, CancellationToken, Task> write) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var output = new StreamWriter(httpContext.Response.Body, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            await write(output, httpContext.RequestAborted);
            await output.FlushAsync(httpContext.RequestAborted);
        }
    }

    private sealed class CreatedJson(string location, string json) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status201Created;
            httpContext.Response.Headers.Location = location;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            return httpContext.Response.WriteAsync(json);
        }
    }
}
