using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api;

/// <summary>JSON answers written exactly as the engine shapes them (CONTRACT §3, §4), compact.</summary>
internal static class ApiJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(JsonNode node) => Results.Text(node.ToJsonString(Options), "application/json", System.Text.Encoding.UTF8);
}
