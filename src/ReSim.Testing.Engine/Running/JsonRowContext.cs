using System.Text.Json.Serialization;

namespace ReSim.Testing.Engine.Running;

/// <summary>Source-generated JSON for <see cref="JsonRow"/>: no reflection per row.</summary>
[JsonSerializable(typeof(JsonRow))]
internal sealed partial class JsonRowContext : JsonSerializerContext;
