using System.Text.Json.Serialization;

namespace ReSim.Testing.Engine.Running;

/// <summary>One line of <c>resource_metrics.resim.jsonl</c>.</summary>
/// <param name="Time">When the counters were read.</param>
/// <param name="ElapsedSeconds">Seconds since the experience started.</param>
/// <param name="Service">The service.</param>
/// <param name="Start">Which start, from 1.</param>
/// <param name="Container">The container's ID.</param>
/// <param name="Cpu">CPU in percent of one CPU, or <see langword="null"/> on a start's first row.</param>
/// <param name="Memory">Memory in bytes.</param>
internal sealed record JsonRow(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("elapsedSeconds")] double ElapsedSeconds,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("start")] int Start,
    [property: JsonPropertyName("container")] string Container,
    [property: JsonPropertyName("cpu")] double? Cpu,
    [property: JsonPropertyName("memory")] long Memory);
