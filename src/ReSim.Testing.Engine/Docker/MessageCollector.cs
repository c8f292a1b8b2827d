using Docker.DotNet.Models;

namespace ReSim.Testing.Engine.Docker;

/// <summary>Keeps the first error of a pull or import progress stream, which Docker reports in the stream rather than as a status code.</summary>
internal sealed class MessageCollector : IProgress<JSONMessage>
{
    /// <summary>The first error the engine reported, or <see langword="null"/>.</summary>
    public string? FirstError { get; private set; }

    /// <inheritdoc />
    public void Report(JSONMessage value)
    {
        if (FirstError is null && value.Error?.Message is { Length: > 0 } message)
        {
            FirstError = message;
        }
    }
}
