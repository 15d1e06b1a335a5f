using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Mapper.Console.Api;

/// <summary>
/// The open objects and arrays of a body being checked, reused level by level. Keys are kept as their unescaped
/// UTF-8 bytes in one shared buffer (a scope's keys are dropped when it closes), compared as bytes while an object
/// is small and through a set once it is large: a check that allocated a string per key would cost more than the parse.
/// </summary>
internal sealed class JsonScopes
{
    private readonly List<JsonScope> _scopes = [];
    private byte[] _names = new byte[1024];
    private int _namesLength;

    public int Depth { get; private set; }

    public void Push(bool isArray)
    {
        if (Depth == _scopes.Count)
        {
            _scopes.Add(new JsonScope());
        }

        _scopes[Depth++].Reset(isArray, _namesLength);
    }

    public void Pop() => _namesLength = _scopes[--Depth].NamesMark;

    /// <summary>A value starts: in an array, it takes the next index.</summary>
    public void OnValue()
    {
        if (Depth > 0 && _scopes[Depth - 1].IsArray)
        {
            _scopes[Depth - 1].Index++;
        }
    }

    /// <summary>Records the key the reader is on; null when it is not valid Unicode, false when the object already has it.</summary>
    public bool? AddKey(ref Utf8JsonReader reader)
    {
        if (Unescape(ref reader, _namesLength) is not { } length)
        {
            return null;
        }

        var name = (Offset: _namesLength, Length: length);
        _namesLength += length;
        return _scopes[Depth - 1].AddKey(name, _names);
    }

    /// <summary>Whether the string the reader is on is valid Unicode (unescaped into the free end of the buffer, not kept).</summary>
    public bool IsUnicode(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped ? Utf8.IsValid(reader.ValueSpan) : Unescape(ref reader, _namesLength) is not null;

    /// <summary>The path of the current value (the last key or index of every open scope).</summary>
    public FieldPath Path() => PathOf(Depth);

    /// <summary>The path of the current object itself.</summary>
    public FieldPath ContainerPath() => PathOf(Depth - 1);

    private FieldPath PathOf(int levels)
    {
        var path = FieldPath.Body;
        for (var i = 0; i < levels; i++)
        {
            var scope = _scopes[i];
            path = scope.IsArray ? path.Index(scope.Index) : path.Key(scope.LastKey is var (offset, length) ? Encoding.UTF8.GetString(_names, offset, length) : "");
        }

        return path;
    }

    /// <summary>Writes the reader's string, unescaped, at <paramref name="at"/>; its length, or null when it is not valid Unicode.</summary>
    private int? Unescape(ref Utf8JsonReader reader, int at)
    {
        var room = reader.ValueSpan.Length;
        if (_names.Length - at < room)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, at + room));
        }

        var target = _names.AsSpan(at, room);
        if (!reader.ValueIsEscaped)
        {
            reader.ValueSpan.CopyTo(target);
            return Utf8.IsValid(target) ? room : null;
        }

        try
        {
            var written = reader.CopyString(target);
            return Utf8.IsValid(target[..written]) ? written : null;
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape (\ud800) cannot be unescaped.
            return null;
        }
    }
}

/// <summary>One open object or array: the index of its current value, or its keys so far.</summary>
internal sealed class JsonScope
{
    /// <summary>Up to this many keys an object is searched key by key; past it, through a set.</summary>
    private const int LinearKeys = 16;

    private readonly List<(int Offset, int Length)> _keys = [];
    private HashSet<string>? _set;

    public bool IsArray { get; private set; }

    public int Index { get; set; }

    /// <summary>Where this scope's keys start in the shared buffer: closing the scope gives the space back.</summary>
    public int NamesMark { get; private set; }

    public (int Offset, int Length)? LastKey => _keys.Count > 0 ? _keys[^1] : null;

    public void Reset(bool isArray, int namesMark)
    {
        IsArray = isArray;
        Index = -1;
        NamesMark = namesMark;
        _keys.Clear();
        _set?.Clear();
    }

    /// <summary>False when the object already has this key (the key becomes the current one either way, for the path).</summary>
    public bool AddKey((int Offset, int Length) key, byte[] names)
    {
        var bytes = names.AsSpan(key.Offset, key.Length);
        var unique = true;
        if (_keys.Count < LinearKeys)
        {
            foreach (var (offset, length) in _keys)
            {
                unique &= !bytes.SequenceEqual(names.AsSpan(offset, length));
            }
        }
        else
        {
            if (_set is null || _set.Count == 0)
            {
                _set ??= new HashSet<string>(StringComparer.Ordinal);
                foreach (var (offset, length) in _keys)
                {
                    _set.Add(Encoding.UTF8.GetString(names, offset, length));
                }
            }

            unique = _set.Add(Encoding.UTF8.GetString(bytes));
        }

        _keys.Add(key);
        return unique;
    }
}
