using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Reticle.Service;
using Reticle.Input;

namespace Reticle.Cli.Api;

/// <summary>Reads a request body up to a limit: a declared length above it is refused before reading, a longer stream while reading.</summary>
internal static class RequestBody
{
    public const long Determinations = 8L * 1024 * 1024;
    public const long Screenings = 8L * 1024 * 1024;
    public const long Lists = 64L * 1024 * 1024;
    public const long Licenses = 8L * 1024 * 1024;
    public const long Orders = 8L * 1024 * 1024;

    /// <summary>Draft rule packs for a what-if (the bundled packs together are under 1 MB).</summary>
    public const long Drafts = 8L * 1024 * 1024;

    /// <summary>Bodies of a few fields (a revocation, a release, an impact request).</summary>
    public const long Small = 64L * 1024;

    /// <summary>The body's bytes, or null if it is longer than <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1;
        }
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>The body as text, or null if it is longer than <paramref name="limit"/>.</summary>
    /// <exception cref="BodyRejectedException">The body is not valid UTF-8 (answered 400 naming the byte offset by <see cref="InputRejectionHandler"/>).</exception>
    public static async Task<string?> ReadTextAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (await ReadAsync(request, limit, cancellationToken) is not { } bytes)
        {
            return null;
        }
        var errors = new List<InputError>();
        var text = Utf8Input.Decode("body", bytes, errors);
        if (errors.Count > 0)
        {
            throw new BodyRejectedException(Refusal.Invalid(errors));
        }
        return text;
    }
}
