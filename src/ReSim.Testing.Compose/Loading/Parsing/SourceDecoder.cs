using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;

namespace ReSim.Testing.Compose.Loading.Parsing;

/// <summary>Turns the bytes or string of an input into text the parser may read, or diagnoses why not.</summary>
internal static class SourceDecoder
{
    /// <summary>Diagnoses an input over the size limit, at <paramref name="namedAt"/> (the key that named the file) when given.</summary>
    public static bool IsTooLarge(long length, string displayPath, LoadLimits limits, DiagnosticBag diagnostics, SourceLocation? namedAt = null, string? keyPath = null)
    {
        if (length <= limits.MaxBytes)
        {
            return false;
        }

        diagnostics.Error(
            DiagnosticCodes.InputTooLarge,
            namedAt ?? SourceLocation.WholeFile(displayPath),
            string.Create(CultureInfo.InvariantCulture, $"`{displayPath}` is {(length == limits.MaxBytes + 1 ? "more than " + limits.MaxBytes.ToString("N0", CultureInfo.InvariantCulture) : length.ToString("N0", CultureInfo.InvariantCulture))} bytes; the loader reads at most {limits.MaxBytes:N0} of a compose or env file."),
            "A compose or env file is a few kilobytes; check that the path names the right file and not a data file.",
            keyPath);
        return true;
    }

    public static string? CheckString(string content, string displayPath, LoadLimits limits, DiagnosticBag diagnostics)
    {
        // A UTF-16 string is at most 3 UTF-8 bytes per char: skip counting when it is surely small.
        var length = content.Length * 3L <= limits.MaxBytes ? content.Length : Encoding.UTF8.GetByteCount(content);
        return IsTooLarge(length, displayPath, limits, diagnostics) ? null : content;
    }

    public static string? Decode(byte[] bytes, string displayPath, LoadLimits limits, DiagnosticBag diagnostics, SourceLocation? namedAt = null, string? keyPath = null)
    {
        if (IsTooLarge(bytes.LongLength, displayPath, limits, diagnostics, namedAt, keyPath))
        {
            return null;
        }

        ReadOnlySpan<byte> span = bytes;
        if (span is [0xEF, 0xBB, 0xBF, ..])
        {
            span = span[3..];
        }
        else if (span is [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..])
        {
            diagnostics.Error(
                DiagnosticCodes.NotUtf8,
                new SourceLocation(displayPath, 1, 1),
                "The compose file is UTF-16 (it starts with a UTF-16 byte-order mark); compose files must be UTF-8.",
                "Save the file as UTF-8, for example with `iconv -f UTF-16 -t UTF-8`.");
            return null;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(span.Length, 1));
        try
        {
            var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
            if (status == OperationStatus.Done)
            {
                return new string(chars, 0, charsWritten);
            }

            var before = span[..bytesRead];
            var line = before.Count((byte)'\n') + 1;
            var column = bytesRead - before.LastIndexOf((byte)'\n');
            diagnostics.Error(
                DiagnosticCodes.NotUtf8,
                new SourceLocation(displayPath, line, column),
                string.Create(CultureInfo.InvariantCulture, $"The compose file is not valid UTF-8: byte 0x{span[bytesRead]:X2} at offset {bytesRead} does not start a UTF-8 character."),
                "Save the file as UTF-8; compose files must be UTF-8 (Latin-1 or Windows-1252 editors often cause this).");
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
