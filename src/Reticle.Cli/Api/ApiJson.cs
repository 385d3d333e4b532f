using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Reticle.Cli.Api;

/// <summary>JSON answers written exactly as the engine shapes them (CONTRACT §3, §4), compact.</summary>
internal static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Ok(JsonNode node) => Text(node.ToJsonString(Options));

    /// <summary>An answer already written as JSON text (by <see cref="Options"/>): a decision is written once, for the store and the caller.</summary>
    public static IResult Text(string json) => Results.Text(json, "application/json", System.Text.Encoding.UTF8);
}
