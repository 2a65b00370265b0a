import { createRequire as __bwCreateRequire } from 'node:module';
import { fileURLToPath as __bwFileURLToPath } from 'node:url';
import { dirname as __bwDirname } from 'node:path';
const require = __bwCreateRequire(import.meta.url);
const __bwFilename = __bwFileURLToPath(import.meta.url);
const __bwDirnameValue = __bwDirname(__bwFilename);
import {
  quote,
  resolvePricing
} from "./chunk-T253CA67.js";
import {
  __commonJS,
  __require,
  __toESM
} from "./chunk-NUO5XWAE.js";

// node_modules/tiktoken/tiktoken_bg.cjs
var require_tiktoken_bg = __commonJS({
  "node_modules/tiktoken/tiktoken_bg.cjs"(exports, module) {
    var wasm;
    module.exports.__wbg_set_wasm = function(val) {
      wasm = val;
    };
    var lTextDecoder = typeof TextDecoder === "undefined" ? (0, module.require)("util").TextDecoder : TextDecoder;
    var cachedTextDecoder = new lTextDecoder("utf-8", { ignoreBOM: true, fatal: true });
    cachedTextDecoder.decode();
    var cachedUint8ArrayMemory0 = null;
    function getUint8ArrayMemory0() {
      if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
        cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
      }
      return cachedUint8ArrayMemory0;
    }
    function getStringFromWasm0(ptr, len) {
      ptr = ptr >>> 0;
      return cachedTextDecoder.decode(getUint8ArrayMemory0().subarray(ptr, ptr + len));
    }
    var heap = new Array(128).fill(void 0);
    heap.push(void 0, null, true, false);
    var heap_next = heap.length;
    function addHeapObject(obj) {
      if (heap_next === heap.length) heap.push(heap.length + 1);
      const idx = heap_next;
      heap_next = heap[idx];
      heap[idx] = obj;
      return idx;
    }
    function handleError(f, args) {
      try {
        return f.apply(this, args);
      } catch (e) {
        wasm.__wbindgen_export_0(addHeapObject(e));
      }
    }
    function getObject(idx) {
      return heap[idx];
    }
    function dropObject(idx) {
      if (idx < 132) return;
      heap[idx] = heap_next;
      heap_next = idx;
    }
    function takeObject(idx) {
      const ret = getObject(idx);
      dropObject(idx);
      return ret;
    }
    var WASM_VECTOR_LEN = 0;
    var lTextEncoder = typeof TextEncoder === "undefined" ? (0, module.require)("util").TextEncoder : TextEncoder;
    var cachedTextEncoder = new lTextEncoder("utf-8");
    var encodeString = typeof cachedTextEncoder.encodeInto === "function" ? function(arg, view) {
      return cachedTextEncoder.encodeInto(arg, view);
    } : function(arg, view) {
      const buf = cachedTextEncoder.encode(arg);
      view.set(buf);
      return {
        read: arg.length,
        written: buf.length
      };
    };
    function passStringToWasm0(arg, malloc, realloc) {
      if (realloc === void 0) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr2 = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr2, ptr2 + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr2;
      }
      let len = arg.length;
      let ptr = malloc(len, 1) >>> 0;
      const mem = getUint8ArrayMemory0();
      let offset = 0;
      for (; offset < len; offset++) {
        const code = arg.charCodeAt(offset);
        if (code > 127) break;
        mem[ptr + offset] = code;
      }
      if (offset !== len) {
        if (offset !== 0) {
          arg = arg.slice(offset);
        }
        ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
        const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
        const ret = encodeString(arg, view);
        offset += ret.written;
        ptr = realloc(ptr, len, offset, 1) >>> 0;
      }
      WASM_VECTOR_LEN = offset;
      return ptr;
    }
    function isLikeNone(x) {
      return x === void 0 || x === null;
    }
    var cachedDataViewMemory0 = null;
    function getDataViewMemory0() {
      if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || cachedDataViewMemory0.buffer.detached === void 0 && cachedDataViewMemory0.buffer !== wasm.memory.buffer) {
        cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
      }
      return cachedDataViewMemory0;
    }
    var cachedUint32ArrayMemory0 = null;
    function getUint32ArrayMemory0() {
      if (cachedUint32ArrayMemory0 === null || cachedUint32ArrayMemory0.byteLength === 0) {
        cachedUint32ArrayMemory0 = new Uint32Array(wasm.memory.buffer);
      }
      return cachedUint32ArrayMemory0;
    }
    function getArrayU32FromWasm0(ptr, len) {
      ptr = ptr >>> 0;
      return getUint32ArrayMemory0().subarray(ptr / 4, ptr / 4 + len);
    }
    function passArray8ToWasm0(arg, malloc) {
      const ptr = malloc(arg.length * 1, 1) >>> 0;
      getUint8ArrayMemory0().set(arg, ptr / 1);
      WASM_VECTOR_LEN = arg.length;
      return ptr;
    }
    function passArray32ToWasm0(arg, malloc) {
      const ptr = malloc(arg.length * 4, 4) >>> 0;
      getUint32ArrayMemory0().set(arg, ptr / 4);
      WASM_VECTOR_LEN = arg.length;
      return ptr;
    }
    function getArrayU8FromWasm0(ptr, len) {
      ptr = ptr >>> 0;
      return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
    }
    module.exports.get_encoding = function(encoding, extend_special_tokens) {
      if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
      try {
        const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
        const ptr0 = passStringToWasm0(encoding, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
        const len0 = WASM_VECTOR_LEN;
        wasm.get_encoding(retptr, ptr0, len0, addHeapObject(extend_special_tokens));
        var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
        var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
        var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
        if (r2) {
          throw takeObject(r1);
        }
        return Tiktoken.__wrap(r0);
      } finally {
        wasm.__wbindgen_add_to_stack_pointer(16);
      }
    };
    module.exports.encoding_for_model = function(model, extend_special_tokens) {
      if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
      try {
        const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
        const ptr0 = passStringToWasm0(model, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
        const len0 = WASM_VECTOR_LEN;
        wasm.encoding_for_model(retptr, ptr0, len0, addHeapObject(extend_special_tokens));
        var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
        var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
        var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
        if (r2) {
          throw takeObject(r1);
        }
        return Tiktoken.__wrap(r0);
      } finally {
        wasm.__wbindgen_add_to_stack_pointer(16);
      }
    };
    module.exports.get_encoding_name_for_model = function(model) {
      if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
      let deferred3_0;
      let deferred3_1;
      try {
        const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
        const ptr0 = passStringToWasm0(model, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
        const len0 = WASM_VECTOR_LEN;
        wasm.get_encoding_name_for_model(retptr, ptr0, len0);
        var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
        var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
        var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
        var r3 = getDataViewMemory0().getInt32(retptr + 4 * 3, true);
        var ptr2 = r0;
        var len2 = r1;
        if (r3) {
          ptr2 = 0;
          len2 = 0;
          throw takeObject(r2);
        }
        deferred3_0 = ptr2;
        deferred3_1 = len2;
        return getStringFromWasm0(ptr2, len2);
      } finally {
        wasm.__wbindgen_add_to_stack_pointer(16);
        wasm.__wbindgen_export_3(deferred3_0, deferred3_1, 1);
      }
    };
    var TiktokenFinalization = typeof FinalizationRegistry === "undefined" ? { register: () => {
    }, unregister: () => {
    } } : new FinalizationRegistry((ptr) => wasm.__wbg_tiktoken_free(ptr >>> 0, 1));
    var Tiktoken = class _Tiktoken {
      /**
       * @param {string} tiktoken_bfe
       * @param {any} special_tokens
       * @param {string} pat_str
       */
      constructor(tiktoken_bfe, special_tokens, pat_str) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        const ptr0 = passStringToWasm0(tiktoken_bfe, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
        const len0 = WASM_VECTOR_LEN;
        const ptr1 = passStringToWasm0(pat_str, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
        const len1 = WASM_VECTOR_LEN;
        const ret = wasm.tiktoken_new(ptr0, len0, addHeapObject(special_tokens), ptr1, len1);
        this.__wbg_ptr = ret >>> 0;
        TiktokenFinalization.register(this, this.__wbg_ptr, this);
        return this;
      }
      /** @returns {string | undefined} */
      get name() {
        try {
          const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
          wasm.tiktoken_name(retptr, this.__wbg_ptr);
          var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
          var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
          let v1;
          if (r0 !== 0) {
            v1 = getStringFromWasm0(r0, r1).slice();
            wasm.__wbindgen_export_3(r0, r1 * 1, 1);
          }
          return v1;
        } finally {
          wasm.__wbindgen_add_to_stack_pointer(16);
        }
      }
      static __wrap(ptr) {
        ptr = ptr >>> 0;
        const obj = Object.create(_Tiktoken.prototype);
        obj.__wbg_ptr = ptr;
        TiktokenFinalization.register(obj, obj.__wbg_ptr, obj);
        return obj;
      }
      __destroy_into_raw() {
        const ptr = this.__wbg_ptr;
        this.__wbg_ptr = 0;
        TiktokenFinalization.unregister(this);
        return ptr;
      }
      free() {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        const ptr = this.__destroy_into_raw();
        wasm.__wbg_tiktoken_free(ptr, 0);
      }
      /**
       * @param {string} text
       * @param {any} allowed_special
       * @param {any} disallowed_special
       * @returns {Uint32Array}
       */
      encode(text, allowed_special, disallowed_special) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        try {
          const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
          const ptr0 = passStringToWasm0(text, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
          const len0 = WASM_VECTOR_LEN;
          wasm.tiktoken_encode(retptr, this.__wbg_ptr, ptr0, len0, addHeapObject(allowed_special), addHeapObject(disallowed_special));
          var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
          var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
          var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
          var r3 = getDataViewMemory0().getInt32(retptr + 4 * 3, true);
          if (r3) {
            throw takeObject(r2);
          }
          var v2 = getArrayU32FromWasm0(r0, r1).slice();
          wasm.__wbindgen_export_3(r0, r1 * 4, 4);
          return v2;
        } finally {
          wasm.__wbindgen_add_to_stack_pointer(16);
        }
      }
      /**
       * @param {string} text
       * @returns {Uint32Array}
       */
      encode_ordinary(text) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        try {
          const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
          const ptr0 = passStringToWasm0(text, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
          const len0 = WASM_VECTOR_LEN;
          wasm.tiktoken_encode_ordinary(retptr, this.__wbg_ptr, ptr0, len0);
          var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
          var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
          var v2 = getArrayU32FromWasm0(r0, r1).slice();
          wasm.__wbindgen_export_3(r0, r1 * 4, 4);
          return v2;
        } finally {
          wasm.__wbindgen_add_to_stack_pointer(16);
        }
      }
      /**
       * @param {string} text
       * @param {any} allowed_special
       * @param {any} disallowed_special
       * @returns {any}
       */
      encode_with_unstable(text, allowed_special, disallowed_special) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        try {
          const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
          const ptr0 = passStringToWasm0(text, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
          const len0 = WASM_VECTOR_LEN;
          wasm.tiktoken_encode_with_unstable(retptr, this.__wbg_ptr, ptr0, len0, addHeapObject(allowed_special), addHeapObject(disallowed_special));
          var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
          var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
          var r2 = getDataViewMemory0().getInt32(retptr + 4 * 2, true);
          if (r2) {
            throw takeObject(r1);
          }
          return takeObject(r0);
        } finally {
          wasm.__wbindgen_add_to_stack_pointer(16);
        }
      }
      /**
       * @param {Uint8Array} bytes
       * @returns {number}
       */
      encode_single_token(bytes) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        const ptr0 = passArray8ToWasm0(bytes, wasm.__wbindgen_export_1);
        const len0 = WASM_VECTOR_LEN;
        const ret = wasm.tiktoken_encode_single_token(this.__wbg_ptr, ptr0, len0);
        return ret >>> 0;
      }
      /**
       * @param {Uint32Array} tokens
       * @returns {Uint8Array}
       */
      decode(tokens) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        try {
          const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
          const ptr0 = passArray32ToWasm0(tokens, wasm.__wbindgen_export_1);
          const len0 = WASM_VECTOR_LEN;
          wasm.tiktoken_decode(retptr, this.__wbg_ptr, ptr0, len0);
          var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
          var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
          var v2 = getArrayU8FromWasm0(r0, r1).slice();
          wasm.__wbindgen_export_3(r0, r1 * 1, 1);
          return v2;
        } finally {
          wasm.__wbindgen_add_to_stack_pointer(16);
        }
      }
      /**
       * @param {number} token
       * @returns {Uint8Array}
       */
      decode_single_token_bytes(token) {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        try {
          const retptr = wasm.__wbindgen_add_to_stack_pointer(-16);
          wasm.tiktoken_decode_single_token_bytes(retptr, this.__wbg_ptr, token);
          var r0 = getDataViewMemory0().getInt32(retptr + 4 * 0, true);
          var r1 = getDataViewMemory0().getInt32(retptr + 4 * 1, true);
          var v1 = getArrayU8FromWasm0(r0, r1).slice();
          wasm.__wbindgen_export_3(r0, r1 * 1, 1);
          return v1;
        } finally {
          wasm.__wbindgen_add_to_stack_pointer(16);
        }
      }
      /** @returns {any} */
      token_byte_values() {
        if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
        const ret = wasm.tiktoken_token_byte_values(this.__wbg_ptr);
        return takeObject(ret);
      }
    };
    module.exports.Tiktoken = Tiktoken;
    module.exports.__wbg_parse_def2e24ef1252aff = function() {
      return handleError(function(arg0, arg1) {
        const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
        return addHeapObject(ret);
      }, arguments);
    };
    module.exports.__wbg_stringify_f7ed6987935b4a24 = function() {
      return handleError(function(arg0) {
        const ret = JSON.stringify(getObject(arg0));
        return addHeapObject(ret);
      }, arguments);
    };
    module.exports.__wbindgen_error_new = function(arg0, arg1) {
      const ret = new Error(getStringFromWasm0(arg0, arg1));
      return addHeapObject(ret);
    };
    module.exports.__wbindgen_is_undefined = function(arg0) {
      const ret = getObject(arg0) === void 0;
      return ret;
    };
    module.exports.__wbindgen_object_drop_ref = function(arg0) {
      takeObject(arg0);
    };
    module.exports.__wbindgen_string_get = function(arg0, arg1) {
      if (wasm == null) throw new Error("tiktoken: WASM binary has not been propery initialized.");
      const obj = getObject(arg1);
      const ret = typeof obj === "string" ? obj : void 0;
      var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_export_1, wasm.__wbindgen_export_2);
      var len1 = WASM_VECTOR_LEN;
      getDataViewMemory0().setInt32(arg0 + 4 * 1, len1, true);
      getDataViewMemory0().setInt32(arg0 + 4 * 0, ptr1, true);
    };
    module.exports.__wbindgen_throw = function(arg0, arg1) {
      throw new Error(getStringFromWasm0(arg0, arg1));
    };
  }
});

// node_modules/tiktoken/tiktoken.cjs
var require_tiktoken = __commonJS({
  "node_modules/tiktoken/tiktoken.cjs"(exports) {
    var wasm = require_tiktoken_bg();
    var imports = {};
    imports["./tiktoken_bg.js"] = wasm;
    var path = __require("path");
    var fs = __require("fs");
    var candidates = __bwDirnameValue.split(path.sep).reduce((memo, _, index, array) => {
      const prefix = array.slice(0, index + 1).join(path.sep) + path.sep;
      if (!prefix.includes("node_modules" + path.sep)) {
        memo.unshift(
          path.join(
            prefix,
            "node_modules",
            "tiktoken",
            "",
            "./tiktoken_bg.wasm"
          )
        );
      }
      return memo;
    }, []);
    candidates.unshift(path.join(__bwDirnameValue, "./tiktoken_bg.wasm"));
    var bytes = null;
    for (const candidate of candidates) {
      try {
        bytes = fs.readFileSync(candidate);
        break;
      } catch {
      }
    }
    if (bytes == null) throw new Error("Missing tiktoken_bg.wasm");
    var wasmModule = new WebAssembly.Module(bytes);
    var wasmInstance = new WebAssembly.Instance(wasmModule, imports);
    wasm.__wbg_set_wasm(wasmInstance.exports);
    exports["get_encoding"] = wasm["get_encoding"];
    exports["encoding_for_model"] = wasm["encoding_for_model"];
    exports["get_encoding_name_for_model"] = wasm["get_encoding_name_for_model"];
    exports["Tiktoken"] = wasm["Tiktoken"];
  }
});

// src/requests/readJsonl.ts
import { createReadStream } from "node:fs";
var INVALID_UTF8 = "not valid UTF-8 (the Batch API reads request files as UTF-8)";
var NEWLINE = 10;
var CR = 13;
var BOM = [239, 187, 191];
var strictUtf8 = new TextDecoder("utf-8", { fatal: true });
function readJsonlLines(path) {
  return readJsonlStream(createReadStream(path, { highWaterMark: 1 << 20 }));
}
async function* readJsonlStream(stream) {
  let lineNumber = 0;
  let pending = [];
  let pendingBytes = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let start = 0;
    let nl = buf.indexOf(NEWLINE, start);
    while (nl !== -1) {
      let bytes;
      if (pending.length === 0) {
        bytes = buf.subarray(start, nl + 1);
      } else {
        pending.push(buf.subarray(start, nl + 1));
        bytes = Buffer.concat(pending, pendingBytes + nl + 1 - start);
        pending = [];
        pendingBytes = 0;
      }
      lineNumber++;
      const raw = toRawLine(bytes, lineNumber);
      if (raw) yield raw;
      start = nl + 1;
      nl = buf.indexOf(NEWLINE, start);
    }
    if (start < buf.length) {
      const rest = Buffer.from(buf.subarray(start));
      pending.push(rest);
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) {
    lineNumber++;
    const raw = toRawLine(Buffer.concat(pending, pendingBytes), lineNumber);
    if (raw) yield raw;
  }
}
async function* readJsonlChunks(path, chunkBytes = 1 << 20) {
  let nextLine = 1;
  let carry = null;
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes })) {
    const buf = carry ? Buffer.concat([carry, chunk]) : chunk;
    const lastNewline = buf.lastIndexOf(NEWLINE);
    if (lastNewline === -1) {
      carry = Buffer.from(buf);
      continue;
    }
    const whole = buf.subarray(0, lastNewline + 1);
    const lines = countNewlines(whole);
    yield { firstLine: nextLine, lines, bytes: new Uint8Array(whole) };
    nextLine += lines;
    carry = lastNewline + 1 < buf.length ? Buffer.from(buf.subarray(lastNewline + 1)) : null;
  }
  if (carry && carry.length > 0) yield { firstLine: nextLine, lines: 1, bytes: new Uint8Array(carry) };
}
function linesOfChunk(chunk) {
  const buf = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength);
  const out = [];
  let line = chunk.firstLine;
  for (let start = 0; start < buf.length; line++) {
    const nl = buf.indexOf(NEWLINE, start);
    const end = nl === -1 ? buf.length : nl + 1;
    const raw = toRawLine(buf.subarray(start, end), line);
    if (raw) out.push(raw);
    start = end;
  }
  return out;
}
function countNewlines(buf) {
  let n = 0;
  for (let at = buf.indexOf(NEWLINE); at !== -1; at = buf.indexOf(NEWLINE, at + 1)) n++;
  return n;
}
function toRawLine(bytes, line) {
  let from = 0;
  let to = bytes.length;
  if (to > 0 && bytes[to - 1] === NEWLINE) to--;
  if (to > from && bytes[to - 1] === CR) to--;
  if (line === 1 && to - from >= 3 && bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2]) from = 3;
  const content = bytes.subarray(from, to);
  const text = content.toString("utf8");
  if (isBlank(text)) return null;
  const raw = { line, text, bytes: bytes.length };
  if (text.includes("\uFFFD") && !isStrictUtf8(content)) raw.invalidUtf8 = true;
  return raw;
}
function isBlank(text) {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return text.trim().length === 0;
}
function isStrictUtf8(bytes) {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// src/requests/types.ts
var ENDPOINTS = [
  "/v1/chat/completions",
  "/v1/responses",
  "/v1/embeddings",
  "/v1/completions",
  "/v1/moderations"
];
function formatLineProblems(file, problems, shown) {
  const lines = problems.slice(0, shown).map((p) => `${file}:${p.line}: ${p.reason}`);
  if (problems.length > shown) lines.push(`\u2026and ${problems.length - shown} more problems in ${file}`);
  return lines.join("\n");
}
var RequestFileError = class extends Error {
  file;
  problems;
  constructor(file, problems, shown = 50) {
    super(formatLineProblems(file, problems, shown));
    this.name = "RequestFileError";
    this.file = file;
    this.problems = problems;
  }
};

// src/requests/describe.ts
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  switch (typeof value) {
    case "string":
      return `a string (${quote2(value)})`;
    case "number":
      return `a number (${value})`;
    case "boolean":
      return `a boolean (${value})`;
    case "object":
      return "an object";
    default:
      return typeof value;
  }
}
function quote2(text, max = 40) {
  return quote(text, max);
}
function oneOf(values) {
  return values.length <= 1 ? values.join("") : `${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}`;
}

// src/requests/validateContent.ts
var DATA_IMAGE_PREFIX = /^data:image\/[a-z0-9.+-]+;base64,/i;
var BASE64_BODY = /^[A-Za-z0-9+/=\s]+$/;
var HTTP_URL = /^https?:\/\/[^\s/?#]+\S*$/i;
function checkImageUrl(url, path, problems) {
  if (url === void 0) {
    problems.push(`${path} is missing`);
    return;
  }
  if (typeof url !== "string") {
    problems.push(`${path} must be a string, got ${describe(url)}`);
    return;
  }
  if (HTTP_URL.test(url)) return;
  const prefix = DATA_IMAGE_PREFIX.exec(url);
  if (prefix) {
    const data = url.slice(prefix[0].length);
    if (data.length > 0 && BASE64_BODY.test(data)) return;
    problems.push(`${path} is a data URL without valid base64 image data`);
    return;
  }
  problems.push(`${path} must be an http(s) URL or a data:image/\u2026;base64, URL, got ${quote2(url)}`);
}
function checkContentParts(parts, path, problems) {
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const at = `${path}[${i}]`;
    if (!isObject(part)) {
      problems.push(`${at} must be an object with a "type", got ${describe(part)}`);
      continue;
    }
    if (part.type === void 0) {
      problems.push(`${at}.type is missing`);
      continue;
    }
    if (typeof part.type !== "string") {
      problems.push(`${at}.type must be a string, got ${describe(part.type)}`);
      continue;
    }
    checkKnownPart(part, part.type, at, problems);
  }
}
function checkKnownPart(part, type, at, problems) {
  switch (type) {
    case "text":
    case "input_text":
    case "output_text":
      if (typeof part.text !== "string") problems.push(`${at}.text must be a string, got ${describe(part.text)}`);
      return;
    case "image_url":
      if (!isObject(part.image_url)) {
        problems.push(`${at}.image_url must be an object {"url": \u2026}, got ${describe(part.image_url)}`);
        return;
      }
      checkImageUrl(part.image_url.url, `${at}.image_url.url`, problems);
      return;
    case "input_image":
      if (part.image_url === void 0 && typeof part.file_id === "string") return;
      if (part.image_url === void 0 && part.file_id !== void 0) {
        problems.push(`${at}.file_id must be a string, got ${describe(part.file_id)}`);
        return;
      }
      if (part.image_url === void 0) {
        problems.push(`${at} needs image_url or file_id`);
        return;
      }
      checkImageUrl(part.image_url, `${at}.image_url`, problems);
      return;
    default:
      return;
  }
}

// src/requests/validateChatBody.ts
var CHAT_ROLES = ["system", "developer", "user", "assistant", "tool", "function"];
var chatRoles = new Set(CHAT_ROLES);
function checkChatBody(body, problems) {
  const messages = body.messages;
  if (messages === void 0) {
    problems.push("body.messages is missing (a chat request needs at least one message)");
    return;
  }
  if (!Array.isArray(messages)) {
    problems.push(`body.messages must be an array, got ${describe(messages)}`);
    return;
  }
  if (messages.length === 0) {
    problems.push("body.messages is empty (a chat request needs at least one message)");
    return;
  }
  for (let i = 0; i < messages.length; i++) checkChatMessage(messages[i], `body.messages[${i}]`, problems);
}
function checkChatMessage(message, at, problems) {
  if (!isObject(message)) {
    problems.push(`${at} must be an object with a role and content, got ${describe(message)}`);
    return;
  }
  const role = message.role;
  if (role === void 0) {
    problems.push(`${at}.role is missing`);
  } else if (typeof role !== "string") {
    problems.push(`${at}.role must be a string, got ${describe(role)}`);
  } else if (!chatRoles.has(role)) {
    problems.push(`${at}.role ${quote2(role)} is not one of ${oneOf(CHAT_ROLES)}`);
  }
  checkChatContent(message, role, at, problems);
}
function checkChatContent(message, role, at, problems) {
  const content = message.content;
  const callsTools = role === "assistant" && (message.tool_calls !== void 0 || message.function_call !== void 0);
  if (content === void 0 || content === null) {
    const what = content === null ? "null" : "missing";
    if (role !== "assistant") {
      problems.push(`${at}.content is ${what} (only an assistant message with tool_calls may omit it)`);
    } else if (!callsTools && message.refusal === void 0 && message.audio === void 0) {
      problems.push(`${at}.content is ${what} in an assistant message without tool_calls`);
    }
    return;
  }
  if (typeof content === "string") return;
  if (Array.isArray(content)) {
    checkContentParts(content, `${at}.content`, problems);
    return;
  }
  problems.push(`${at}.content must be a string or an array of content parts, got ${describe(content)}`);
}

// src/requests/validateResponsesBody.ts
var RESPONSES_ROLES = ["user", "assistant", "system", "developer"];
var responsesRoles = new Set(RESPONSES_ROLES);
function checkResponsesBody(body, problems) {
  const input = body.input;
  if (input === void 0) {
    if (body.prompt === void 0) problems.push("body.input is missing (a string or an array of input items)");
    return;
  }
  if (typeof input === "string") return;
  if (!Array.isArray(input)) {
    problems.push(`body.input must be a string or an array of input items, got ${describe(input)}`);
    return;
  }
  for (let i = 0; i < input.length; i++) checkInputItem(input[i], `body.input[${i}]`, problems);
}
function checkInputItem(item, at, problems) {
  if (!isObject(item)) {
    problems.push(`${at} must be an object (a message or a typed item), got ${describe(item)}`);
    return;
  }
  const isMessage = item.role !== void 0 || item.type === "message";
  if (!isMessage) {
    if (item.type === void 0) problems.push(`${at} has neither a role nor a type`);
    else if (typeof item.type !== "string") problems.push(`${at}.type must be a string, got ${describe(item.type)}`);
    return;
  }
  const role = item.role;
  if (role === void 0) problems.push(`${at}.role is missing`);
  else if (typeof role !== "string") problems.push(`${at}.role must be a string, got ${describe(role)}`);
  else if (!responsesRoles.has(role)) problems.push(`${at}.role ${quote2(role)} is not one of ${oneOf(RESPONSES_ROLES)}`);
  const content = item.content;
  if (content === void 0) problems.push(`${at}.content is missing`);
  else if (Array.isArray(content)) checkContentParts(content, `${at}.content`, problems);
  else if (typeof content !== "string") {
    problems.push(`${at}.content must be a string or an array of content parts, got ${describe(content)}`);
  }
}

// src/requests/validateInputBodies.ts
var MAX_EMBEDDING_INPUTS_PER_REQUEST = 2048;
function checkEmbeddingsBody(body, problems) {
  checkTextOrTokens(body.input, "body.input", true, problems);
  if (Array.isArray(body.input) && body.input.length > MAX_EMBEDDING_INPUTS_PER_REQUEST) {
    problems.push(`body.input has ${body.input.length} items; an embeddings request takes at most ${MAX_EMBEDDING_INPUTS_PER_REQUEST}`);
  }
}
function checkCompletionsBody(body, problems) {
  checkTextOrTokens(body.prompt, "body.prompt", false, problems);
}
function checkModerationsBody(body, problems) {
  const input = body.input;
  if (Array.isArray(input) && input.length > 0 && isObject(input[0])) {
    checkContentParts(input, "body.input", problems);
    return;
  }
  if (Array.isArray(input) && input.some((item) => typeof item !== "string")) {
    problems.push("body.input must be a string, an array of strings, or an array of {type, \u2026} parts");
    return;
  }
  checkTextOrTokens(input, "body.input", false, problems);
}
function countEmbeddingInputs(body) {
  const input = body.input;
  if (!Array.isArray(input)) return 1;
  return input.length > 0 && typeof input[0] === "number" ? 1 : input.length;
}
function checkTextOrTokens(value, path, rejectEmpty, problems) {
  const expected = "a string, an array of strings, an array of token ids, or an array of token arrays";
  if (value === void 0 || value === null) {
    problems.push(`${path} is missing (${expected})`);
    return;
  }
  if (typeof value === "string") {
    if (rejectEmpty && value.length === 0) problems.push(`${path} is an empty string (the API rejects empty input)`);
    return;
  }
  if (!Array.isArray(value)) {
    problems.push(`${path} must be ${expected}, got ${describe(value)}`);
    return;
  }
  if (value.length === 0) {
    problems.push(`${path} is an empty array`);
    return;
  }
  const first = value[0];
  if (typeof first === "number") {
    checkTokenIds(value, path, problems);
  } else if (typeof first === "string") {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (typeof item !== "string") problems.push(`${path}[${i}] must be a string like the other items, got ${describe(item)}`);
      else if (rejectEmpty && item.length === 0) problems.push(`${path}[${i}] is an empty string (the API rejects empty input)`);
    }
  } else if (Array.isArray(first)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (!Array.isArray(item)) problems.push(`${path}[${i}] must be a token array like the other items, got ${describe(item)}`);
      else if (item.length === 0) problems.push(`${path}[${i}] is an empty token array`);
      else checkTokenIds(item, `${path}[${i}]`, problems);
    }
  } else {
    problems.push(`${path}[0] must be a string, a token id or a token array, got ${describe(first)}`);
  }
}
function checkTokenIds(tokens, path, problems) {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (typeof token !== "number" || !Number.isInteger(token) || token < 0) {
      problems.push(`${path}[${i}] must be a token id (a non-negative integer), got ${describe(token)}`);
      return;
    }
  }
}

// src/requests/validateLine.ts
var MAX_PROBLEMS_PER_LINE = 20;
var CUSTOM_ID_WARN_LENGTH = 64;
var ENVELOPE_KEYS = /* @__PURE__ */ new Set(["custom_id", "method", "url", "body"]);
var endpoints = new Set(ENDPOINTS);
var POSITIVE_INT_FIELDS = ["max_tokens", "max_completion_tokens", "max_output_tokens", "n"];
var MAX_CHOICES = 128;
var bodyChecks = {
  "/v1/chat/completions": checkChatBody,
  "/v1/responses": checkResponsesBody,
  "/v1/embeddings": checkEmbeddingsBody,
  "/v1/completions": checkCompletionsBody,
  "/v1/moderations": checkModerationsBody
};
function validateLine(text, _line) {
  const problems = [];
  const warnings = [];
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { request: null, problems: [`not valid JSON: ${shortJsonError(error)}`], warnings };
  }
  if (!isObject(value)) {
    return { request: null, problems: [`must be a JSON object {custom_id, method, url, body}, got ${describe(value)}`], warnings };
  }
  checkCustomId(value.custom_id, problems, warnings);
  checkMethod(value.method, problems);
  const url = checkUrl(value.url, problems);
  const body = value.body;
  if (body === void 0) problems.push("body is missing");
  else if (!isObject(body)) problems.push(`body must be an object, got ${describe(body)}`);
  else {
    checkModel(body.model, problems);
    checkCommonBodyFields(body, problems);
    if (url) bodyChecks[url](body, problems);
  }
  for (const key of Object.keys(value)) {
    if (!ENVELOPE_KEYS.has(key)) {
      warnings.push(`unknown top-level key ${quote2(key)} (a request line has only custom_id, method, url and body)`);
    }
  }
  if (problems.length > 0) return { request: null, problems: capped(problems), warnings };
  const request = {
    custom_id: value.custom_id,
    method: "POST",
    url,
    body
  };
  return { request, problems, warnings };
}
function checkCustomId(customId, problems, warnings) {
  if (customId === void 0) problems.push("custom_id is missing");
  else if (typeof customId !== "string") problems.push(`custom_id must be a string, got ${describe(customId)}`);
  else if (customId.length === 0) problems.push("custom_id is empty");
  else if (customId.length > CUSTOM_ID_WARN_LENGTH) {
    warnings.push(`custom_id is ${customId.length} characters; some Batch APIs cap it at ${CUSTOM_ID_WARN_LENGTH}`);
  }
}
function checkMethod(method, problems) {
  if (method === void 0) problems.push('method is missing (must be "POST")');
  else if (method !== "POST") problems.push(`method must be "POST", got ${describe(method)}`);
}
function checkUrl(url, problems) {
  if (url === void 0) {
    problems.push(`url is missing (one of ${oneOf(ENDPOINTS)})`);
    return null;
  }
  if (typeof url !== "string") {
    problems.push(`url must be a string, one of ${oneOf(ENDPOINTS)}; got ${describe(url)}`);
    return null;
  }
  if (endpoints.has(url)) return url;
  const withV1 = `/v1${url.startsWith("/") ? "" : "/"}${url}`;
  const hint = endpoints.has(withV1) ? ` (did you mean "${withV1}"?)` : "";
  problems.push(`url ${quote2(url)} is not one of ${oneOf(ENDPOINTS)}${hint}`);
  return null;
}
function checkModel(model, problems) {
  if (model === void 0) problems.push("body.model is missing");
  else if (typeof model !== "string") problems.push(`body.model must be a string, got ${describe(model)}`);
  else if (model.trim().length === 0) problems.push("body.model is empty");
}
function checkCommonBodyFields(body, problems) {
  for (const field of POSITIVE_INT_FIELDS) {
    const value = body[field];
    if (value === void 0 || value === null) continue;
    if (typeof value !== "number" || !Number.isInteger(value) || value < 1) {
      problems.push(`body.${field} must be a positive integer, got ${describe(value)}`);
    }
  }
  if (typeof body.n === "number" && Number.isInteger(body.n) && body.n > MAX_CHOICES) {
    problems.push(`body.n is ${body.n}, but the API allows at most ${MAX_CHOICES} choices per request`);
  }
  if (body.stream === true) problems.push("body.stream is true, but the Batch API rejects streaming requests");
}
function capped(problems) {
  if (problems.length <= MAX_PROBLEMS_PER_LINE) return problems;
  const shown = problems.slice(0, MAX_PROBLEMS_PER_LINE);
  shown.push(`\u2026and ${problems.length - MAX_PROBLEMS_PER_LINE} more problems on this line`);
  return shown;
}
function shortJsonError(error) {
  const message = error instanceof Error ? error.message : String(error);
  const short = message.replace(/ in JSON at position \d+ \(line 1 column (\d+)\)/, " at column $1").replace(/ in JSON at position (\d+)/, (_, pos) => ` at column ${Number(pos) + 1}`);
  return short.length > 160 ? `${short.slice(0, 160)}\u2026` : short;
}

// src/requests/limits.ts
var BATCH_LIMITS = {
  maxLines: 5e4,
  maxBytes: 200 * 1024 * 1024,
  maxEmbeddingInputs: 5e4
};

// src/requests/RequestFileChecker.ts
var RequestFileChecker = class {
  limits;
  // custom_id -> first line; a Map costs little more than a Set and lets the message point at the first use.
  firstLineOf = /* @__PURE__ */ new Map();
  models = /* @__PURE__ */ new Map();
  urls = /* @__PURE__ */ new Map();
  lines = 0;
  bytes = 0;
  embeddingInputs = 0;
  constructor(limits = BATCH_LIMITS) {
    this.limits = limits;
  }
  /** Records a valid line; returns its cross-line problems (empty when none). `bytes` as RawLine.bytes.
   *  `embeddingInputs` defaults to countEmbeddingInputs(request.body); pass it when the body was dropped earlier. */
  add(line, request, bytes, embeddingInputs) {
    const first = this.firstLineOf.get(request.custom_id);
    if (first !== void 0) {
      return [`duplicate custom_id ${quote2(request.custom_id)} (first on line ${first})`];
    }
    this.firstLineOf.set(request.custom_id, line);
    this.lines++;
    this.bytes += bytes;
    const model = request.body.model;
    this.models.set(model, (this.models.get(model) ?? 0) + 1);
    this.urls.set(request.url, (this.urls.get(request.url) ?? 0) + 1);
    if (request.url === "/v1/embeddings") this.embeddingInputs += embeddingInputs ?? countEmbeddingInputs(request.body);
    return [];
  }
  /** What a single Batch API submission could not hold, so running will split the file. Never an error. */
  splitNotes() {
    const notes = [];
    const { maxLines, maxBytes, maxEmbeddingInputs } = this.limits;
    if (this.lines > maxLines) {
      notes.push({
        kind: "lines",
        message: `${count(this.lines)} requests: a batch holds at most ${count(maxLines)}, so the file is split into several batches`
      });
    }
    if (this.bytes > maxBytes) {
      notes.push({
        kind: "bytes",
        message: `${megabytes(this.bytes)} of requests: a batch input file is at most ${megabytes(maxBytes)}, so the file is split into several batches`
      });
    }
    if (this.models.size > 1) {
      notes.push({
        kind: "models",
        message: `${this.models.size} models (${listCounts(this.models)}): a batch uses one model, so there is one batch per model`
      });
    }
    if (this.urls.size > 1) {
      notes.push({
        kind: "urls",
        message: `${this.urls.size} endpoints (${listCounts(this.urls)}): a batch targets one endpoint, so there is one batch per endpoint`
      });
    }
    if (this.embeddingInputs > maxEmbeddingInputs) {
      notes.push({
        kind: "embedding_inputs",
        message: `${count(this.embeddingInputs)} embedding inputs: an embeddings batch takes at most ${count(maxEmbeddingInputs)}, so it is split`
      });
    }
    return notes;
  }
};
function count(n) {
  return n.toLocaleString("en-US");
}
function megabytes(bytes) {
  return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
}
function listCounts(counts) {
  const sorted = [...counts].sort((a, b) => b[1] - a[1]);
  const named = sorted.slice(0, 5).map(([name, n]) => `${name} \xD7${count(n)}`);
  if (sorted.length > 5) named.push(`${sorted.length - 5} more`);
  return named.join(", ");
}

// src/requests/planBatches.ts
function planBatches(lines, limits = {}) {
  const { maxLines, maxBytes, maxEmbeddingInputs } = { ...BATCH_LIMITS, ...limits };
  const parts = [];
  const open = /* @__PURE__ */ new Map();
  for (const item of lines) {
    const key = `${item.url}
${item.model}`;
    const inputs = item.embeddingInputs ?? 0;
    let part = open.get(key);
    const fits = part !== void 0 && part.lines.length + 1 <= maxLines && part.bytes + item.bytes <= maxBytes && part.embeddingInputs + inputs <= maxEmbeddingInputs;
    if (!part || !fits) {
      part = { url: item.url, model: item.model, lines: [], bytes: 0, embeddingInputs: 0 };
      parts.push(part);
      open.set(key, part);
    }
    part.lines.push(item.line);
    part.bytes += item.bytes;
    part.embeddingInputs += inputs;
  }
  return parts;
}

// src/tokens/UnknownModelError.ts
var UnknownModelError = class extends Error {
  model;
  constructor(model) {
    super(
      `cannot count tokens for model ${quote(model)}: its tokenizer is unknown. Add an entry for it to the pricing file with "encoding": "o200k_base" or "cl100k_base".`
    );
    this.name = "UnknownModelError";
    this.model = model;
  }
};

// src/tokens/encodingForModel.ts
var O200K_PREFIXES = [
  "gpt-4o",
  "chatgpt-4o",
  "gpt-4.1",
  "gpt-4.5",
  "gpt-5",
  "o1",
  "o3",
  "o4",
  "computer-use-preview",
  "codex-mini",
  // Moderation models are not in tiktoken's table; omni-moderation is built on gpt-4o, so its tokenizer is
  // the reasonable choice (and moderation requests are free, so a wrong guess costs nothing).
  "omni-moderation"
];
var CL100K_EXACT = /* @__PURE__ */ new Set(["gpt-4", "davinci-002", "babbage-002", "text-moderation-latest", "text-moderation-stable"]);
var CL100K_PREFIXES = ["gpt-4-", "gpt-3.5", "gpt-35-turbo", "text-embedding-", "text-moderation-"];
function encodingNameForModel(model, override) {
  if (override) return override;
  const base = model.startsWith("ft:") ? model.slice(3).split(":")[0] : model;
  if (O200K_PREFIXES.some((p) => base.startsWith(p))) return "o200k_base";
  if (CL100K_EXACT.has(base) || CL100K_PREFIXES.some((p) => base.startsWith(p))) return "cl100k_base";
  throw new UnknownModelError(model);
}

// src/tokens/encoders.ts
var import_tiktoken = __toESM(require_tiktoken(), 1);
var encoders = /* @__PURE__ */ new Map();
function encoderFor(encoding) {
  let encoder = encoders.get(encoding);
  if (!encoder) {
    encoder = (0, import_tiktoken.get_encoding)(encoding);
    encoders.set(encoding, encoder);
  }
  return encoder;
}

// src/tokens/encodeLength.ts
var LONG_RUN = 1e3;
var SPACE_RUN = " ".repeat(LONG_RUN + 1);
var NEWLINE_RUN = "\n".repeat(LONG_RUN + 1);
function encodedLength(text, encoding) {
  return encoderFor(encoding).encode_ordinary(text).length;
}
function encodeLength(text, encoding) {
  if (!mayHaveLongRun(text)) return encodedLength(text, encoding);
  let total = 0;
  for (const piece of splitLongRuns(text)) total += encodedLength(piece, encoding);
  return total;
}
function mayHaveLongRun(text) {
  if (text.length <= LONG_RUN) return false;
  for (let from = 0; text.length - from > LONG_RUN; ) {
    const last = Math.max(text.lastIndexOf(" ", from + LONG_RUN), text.lastIndexOf("\n", from + LONG_RUN));
    if (last < from) return true;
    from = last + 1;
  }
  return text.includes(SPACE_RUN) || text.includes(NEWLINE_RUN);
}
var IS_LETTER = /[\p{L}\p{M}]/u;
var IS_NUMBER = new RegExp("\\p{N}", "u");
var IS_SPACE = /\s/u;
var CLASS_LETTER = 0;
var CLASS_SYMBOL = 1;
var CLASS_SPACE = 2;
var CLASS_NUMBER = 3;
function classAt(text, i) {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if (c >= 65 && c <= 90 || c >= 97 && c <= 122) return CLASS_LETTER;
    if (c >= 48 && c <= 57) return CLASS_NUMBER;
    if (c === 32 || c >= 9 && c <= 13) return CLASS_SPACE;
    return CLASS_SYMBOL;
  }
  const ch = String.fromCodePoint(text.codePointAt(i));
  if (IS_LETTER.test(ch)) return CLASS_LETTER;
  if (IS_NUMBER.test(ch)) return CLASS_NUMBER;
  if (IS_SPACE.test(ch)) return CLASS_SPACE;
  return CLASS_SYMBOL;
}
function splitLongRuns(text) {
  const pieces = [];
  let pieceStart = 0;
  let runStart = 0;
  let runClass = -1;
  let runWasCut = false;
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    const width = code >= 55296 && code <= 56319 ? 2 : 1;
    const cls = classAt(text, i);
    if (cls !== runClass) {
      if (runWasCut) {
        pieces.push(text.slice(pieceStart, i));
        pieceStart = i;
      }
      runClass = cls;
      runStart = i;
      runWasCut = false;
    } else if (cls !== CLASS_NUMBER && i + width - runStart > LONG_RUN) {
      if (runStart > pieceStart) pieces.push(text.slice(pieceStart, runStart));
      pieces.push(text.slice(runStart, i));
      pieceStart = i;
      runStart = i;
      runWasCut = true;
    }
    i += width;
  }
  if (pieceStart < text.length) pieces.push(pieceStart === 0 ? text : text.slice(pieceStart));
  return pieces;
}

// src/tokens/countText.ts
var MAX_MEMO_CHARS = 8 * 1024 * 1024;
var SHORT = 96;
var SAMPLE = 32;
var memos = { o200k_base: /* @__PURE__ */ new Map(), cl100k_base: /* @__PURE__ */ new Map() };
var memoChars = 0;
function memoKey(text) {
  if (text.length <= SHORT) return text;
  const middle = text.length - SAMPLE >> 1;
  return `${text.length}|${text.slice(0, SAMPLE)}|${text.slice(middle, middle + SAMPLE)}|${text.slice(-SAMPLE)}`;
}
function countText(text, encoding) {
  if (text.length === 0) return 0;
  const memo = memos[encoding];
  const key = memoKey(text);
  const known = memo.get(key);
  if (known !== void 0 && known.text === text) return known.tokens;
  const tokens = encodeLength(text, encoding);
  const held = text.length + (key === text ? 0 : key.length);
  if (memoChars + held > MAX_MEMO_CHARS) {
    memos.o200k_base.clear();
    memos.cl100k_base.clear();
    memoChars = 0;
  }
  if (held <= MAX_MEMO_CHARS) {
    memo.set(key, { text, tokens });
    memoChars += held;
  }
  return tokens;
}

// src/tokens/messageFormat.ts
var TOKENS_PER_MESSAGE = 3;
var TOKENS_PER_NAME = 1;
var REPLY_PRIMING = 3;
var TOKENS_PER_CALL = 3;
var FUNCTION_ROLE_DISCOUNT = 2;
var SYSTEM_ROLES = /* @__PURE__ */ new Set(["system", "developer"]);
function messageConstants(model) {
  return model.startsWith("gpt-3.5-turbo-0301") ? { perMessage: 4, perName: -1 } : { perMessage: TOKENS_PER_MESSAGE, perName: TOKENS_PER_NAME };
}

// src/tokens/util.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function asString(value) {
  return typeof value === "string" ? value : void 0;
}
function asArray(value) {
  return Array.isArray(value) ? value : [];
}
function contentText(content) {
  if (typeof content === "string") return content;
  return asArray(content).map((part) => isRecord(part) && asString(part.text) || "").join("");
}

// src/tokens/countCall.ts
function countCall(call, encoding) {
  if (!isRecord(call)) return 0;
  const name = asString(call.name) ?? "";
  const args = asString(call.arguments) ?? asString(call.input) ?? "";
  return TOKENS_PER_CALL + countText(name, encoding) + countText(args, encoding);
}

// src/tokens/imageRules.ts
var RULES = [
  [/^gpt-4\.1-mini/, { kind: "patch", multiplier: 1.62 }],
  [/^gpt-4\.1-nano/, { kind: "patch", multiplier: 2.46 }],
  [/^gpt-5(\.\d+)?-mini/, { kind: "patch", multiplier: 1.62 }],
  [/^gpt-5(\.\d+)?-nano/, { kind: "patch", multiplier: 2.46 }],
  [/^o4-mini/, { kind: "patch", multiplier: 1.72 }],
  [/^gpt-4o-mini/, { kind: "tile", base: 2833, tile: 5667 }],
  [/^gpt-5/, { kind: "tile", base: 70, tile: 140 }],
  [/^(gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5)/, { kind: "tile", base: 85, tile: 170 }],
  [/^o[13]/, { kind: "tile", base: 75, tile: 150 }],
  [/^computer-use-preview/, { kind: "tile", base: 65, tile: 129 }]
];
var DEFAULT_RULE = { kind: "tile", base: 85, tile: 170 };
function imageRuleForModel(model) {
  const base = model.startsWith("ft:") ? model.slice(3).split(":")[0] : model;
  for (const [pattern, rule] of RULES) if (pattern.test(base)) return rule;
  return DEFAULT_RULE;
}

// src/tokens/imageSize.ts
var DATA_URL = /^data:image\/[\w.+-]+;base64,/i;
var FIRST_WINDOW = 64;
function readDataUrlImageSize(url) {
  const header = DATA_URL.exec(url);
  if (!header) return null;
  const base64Start = header[0].length;
  for (let want = FIRST_WINDOW; ; want *= 4) {
    const end = base64Start + Math.ceil(want / 3) * 4;
    const complete = end >= url.length;
    const size = readImageSize(Buffer.from(url.slice(base64Start, end), "base64"), complete);
    if (size !== "need-more") return size;
    if (complete) return null;
  }
}
function readImageSize(bytes, complete = true) {
  if (isPng(bytes)) return bytes.length >= 24 ? positive(bytes.readUInt32BE(16), bytes.readUInt32BE(20)) : null;
  if (isGif(bytes)) return bytes.length >= 10 ? positive(bytes.readUInt16LE(6), bytes.readUInt16LE(8)) : null;
  if (isWebp(bytes)) return readWebpSize(bytes);
  if (bytes.length >= 2 && bytes[0] === 255 && bytes[1] === 216) {
    const size = readJpegSize(bytes);
    return size === "need-more" && complete ? null : size;
  }
  return null;
}
function isPng(b) {
  return b.length >= 16 && b.readUInt32BE(0) === 2303741511 && b.toString("latin1", 12, 16) === "IHDR";
}
function isGif(b) {
  const magic = b.toString("latin1", 0, 6);
  return magic === "GIF87a" || magic === "GIF89a";
}
function isWebp(b) {
  return b.length >= 16 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP";
}
function readWebpSize(b) {
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8 " && b.length >= 30 && b[23] === 157 && b[24] === 1 && b[25] === 42) {
    return positive(b.readUInt16LE(26) & 16383, b.readUInt16LE(28) & 16383);
  }
  if (chunk === "VP8L" && b.length >= 25 && b[20] === 47) {
    const bits = b.readUInt32LE(21);
    return positive((bits & 16383) + 1, (bits >>> 14 & 16383) + 1);
  }
  if (chunk === "VP8X" && b.length >= 30) {
    return positive(b.readUIntLE(24, 3) + 1, b.readUIntLE(27, 3) + 1);
  }
  return null;
}
function readJpegSize(b) {
  let at = 2;
  while (true) {
    if (at + 4 > b.length) return "need-more";
    if (b[at] !== 255) return null;
    const marker = b[at + 1];
    if (marker === 255) {
      at += 1;
      continue;
    }
    if (marker === 216 || marker === 1 || marker >= 208 && marker <= 215) {
      at += 2;
      continue;
    }
    if (marker === 217 || marker === 218) return null;
    const length = b.readUInt16BE(at + 2);
    if (marker >= 192 && marker <= 207 && marker !== 196 && marker !== 200 && marker !== 204) {
      if (at + 9 > b.length) return "need-more";
      return positive(b.readUInt16BE(at + 7), b.readUInt16BE(at + 5));
    }
    if (length < 2) return null;
    at += 2 + length;
  }
}
function positive(width, height) {
  return width > 0 && height > 0 ? { width, height } : null;
}

// src/tokens/imageTokens.ts
var FIT_SIDE = 2048;
var SHORT_SIDE = 768;
var TILE = 512;
var PATCH = 32;
var MAX_PATCHES = 1536;
var EPSILON = 1e-9;
function imageTokens(rule, size, detail) {
  if (rule.kind === "tile") {
    if (detail === "low") return rule.base;
    const tiles = size ? tileCount(size) : MAX_TILES;
    return rule.base + tiles * rule.tile;
  }
  const patches = size ? patchCount(size) : MAX_PATCHES;
  return Math.round(patches * rule.multiplier);
}
function tileCount({ width, height }) {
  let w = width;
  let h = height;
  if (w > FIT_SIDE || h > FIT_SIDE) {
    const scale = FIT_SIDE / Math.max(w, h);
    w = roundHalfEven(w * scale);
    h = roundHalfEven(h * scale);
  }
  if (Math.min(w, h) > SHORT_SIDE) {
    const scale = SHORT_SIDE / Math.min(w, h);
    w = roundHalfEven(w * scale);
    h = roundHalfEven(h * scale);
  }
  return Math.ceil(w / TILE) * Math.ceil(h / TILE);
}
var MAX_TILES = 8;
function patchCount({ width, height }) {
  const raw = Math.ceil(width / PATCH) * Math.ceil(height / PATCH);
  if (raw <= MAX_PATCHES) return raw;
  let r = Math.sqrt(PATCH * PATCH * MAX_PATCHES / (width * height));
  const pw = width * r / PATCH;
  const ph = height * r / PATCH;
  r *= Math.min(Math.floor(pw) / pw, Math.floor(ph) / ph);
  const patches = ceilTolerant(width * r / PATCH) * ceilTolerant(height * r / PATCH);
  return Math.min(patches, MAX_PATCHES);
}
function ceilTolerant(x) {
  return Math.ceil(x - EPSILON);
}
function roundHalfEven(x) {
  const floor = Math.floor(x);
  const fraction = x - floor;
  if (Math.abs(fraction - 0.5) > EPSILON) return Math.round(x);
  return floor % 2 === 0 ? floor : floor + 1;
}

// src/tokens/countImage.ts
function addImage(count2, model, url, detail) {
  const rule = imageRuleForModel(model);
  const level = toDetail(detail);
  const size = url ? readDataUrlImageSize(url) : null;
  count2.images += 1;
  if (!size && !(rule.kind === "tile" && level === "low")) count2.unknown_size_images += 1;
  count2.input_tokens += imageTokens(rule, size, level);
}
function toDetail(detail) {
  return detail === "low" || detail === "high" ? detail : "auto";
}

// src/tokens/countStructuredOutput.ts
function countJsonSchemaFormat(format, encoding) {
  if (!isRecord(format) || format.type !== "json_schema") return 0;
  const holder = isRecord(format.json_schema) ? format.json_schema : format;
  return holder.schema === void 0 ? 0 : countText(JSON.stringify(holder.schema), encoding);
}

// src/tokens/countTools.ts
var DEFINITIONS_OVERHEAD = 9;
var SYSTEM_MERGE_SAVING = 4;
function functionDefinitions(tools) {
  const definitions = [];
  for (const tool of asArray(tools)) {
    if (!isRecord(tool)) continue;
    if (tool.type !== void 0 && tool.type !== "function") continue;
    const fn = isRecord(tool.function) ? tool.function : tool;
    const name = asString(fn.name);
    if (!name) continue;
    definitions.push({ name, description: asString(fn.description), parameters: fn.parameters });
  }
  return definitions;
}
function countFunctionDefinitions(functions, systemText2, encoding) {
  if (functions.length === 0) return 0;
  let total = countText(renderFunctionNamespace(functions), encoding) + DEFINITIONS_OVERHEAD;
  if (systemText2 !== null) {
    total -= SYSTEM_MERGE_SAVING;
    if (systemText2 !== "" && !systemText2.endsWith("\n")) {
      total += countText(systemText2 + "\n", encoding) - countText(systemText2, encoding);
    }
  }
  return total;
}
function renderFunctionNamespace(functions) {
  const lines = ["namespace functions {", ""];
  for (const fn of functions) {
    if (fn.description) lines.push(`// ${fn.description}`);
    const parameters = isRecord(fn.parameters) ? fn.parameters : {};
    if (!isRecord(parameters.properties) || Object.keys(parameters.properties).length === 0) {
      lines.push(`type ${fn.name} = () => any;`);
    } else {
      lines.push(`type ${fn.name} = (_: {`, renderProperties(parameters, 0, 0), "}) => any;");
    }
    lines.push("");
  }
  lines.push("} // namespace functions");
  return lines.join("\n");
}
var MAX_SCHEMA_DEPTH = 32;
function renderProperties(schema, indent, depth) {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(asArray(schema.required));
  const pad = " ".repeat(indent);
  const lines = [];
  for (const [name, value] of Object.entries(properties)) {
    const property = isRecord(value) ? value : {};
    const description = asString(property.description);
    if (description && indent < 2) lines.push(`${pad}// ${description}`);
    lines.push(`${pad}${name}${required.has(name) ? "" : "?"}: ${renderType(property, indent, depth + 1)},`);
  }
  return lines.join("\n");
}
function renderType(property, indent, depth) {
  if (depth > MAX_SCHEMA_DEPTH) return "any";
  const values = Array.isArray(property.enum) ? property.enum : null;
  const type = property.type;
  if (Array.isArray(type)) return type.map((t) => renderType({ ...property, type: t }, indent, depth + 1)).join(" | ");
  switch (type) {
    case "string":
      return values ? values.map((v) => JSON.stringify(v)).join(" | ") : "string";
    case "integer":
    case "number":
      return values ? values.map(String).join(" | ") : "number";
    case "boolean":
    case "null":
      return type;
    case "array":
      return isRecord(property.items) ? `${renderType(property.items, indent, depth + 1)}[]` : "any[]";
    case "object":
      return `{
${renderProperties(property, indent + 2, depth)}
${" ".repeat(indent)}}`;
    default:
      return "any";
  }
}
function countToolChoice(choice, encoding) {
  if (choice === "none") return 1;
  if (!isRecord(choice)) return 0;
  const fn = isRecord(choice.function) ? choice.function : choice;
  const name = asString(fn.name);
  return name ? 4 + countText(name, encoding) : 0;
}

// src/tokens/countChatTokens.ts
var NOT_RENDERED = /* @__PURE__ */ new Set(["tool_call_id"]);
function countChatTokens(body, encoding, count2) {
  const model = asString(body.model) ?? "";
  const { perMessage, perName } = messageConstants(model);
  for (const message of asArray(body.messages)) {
    if (!isRecord(message)) continue;
    count2.input_tokens += perMessage;
    if (message.role === "function") count2.input_tokens -= FUNCTION_ROLE_DISCOUNT;
    for (const [key, value] of Object.entries(message)) {
      if (key === "content") addContent(count2, value, model, encoding);
      else if (key === "tool_calls") count2.input_tokens += countToolCalls(value, encoding);
      else if (key === "function_call") count2.input_tokens += countCall(value, encoding);
      else if (typeof value === "string" && !NOT_RENDERED.has(key)) {
        count2.input_tokens += countText(value, encoding);
        if (key === "name") count2.input_tokens += perName;
      }
    }
  }
  count2.input_tokens += REPLY_PRIMING;
  const legacy = body.functions !== void 0;
  const definitions = functionDefinitions(legacy ? body.functions : body.tools);
  if (definitions.length > 0) {
    count2.input_tokens += countFunctionDefinitions(definitions, firstSystemText(body.messages), encoding);
    count2.input_tokens += countToolChoice(legacy ? body.function_call : body.tool_choice, encoding);
  }
  count2.input_tokens += countJsonSchemaFormat(body.response_format, encoding);
}
function firstSystemText(messages) {
  for (const message of asArray(messages)) {
    if (isRecord(message) && SYSTEM_ROLES.has(message.role)) return contentText(message.content);
  }
  return null;
}
function addContent(count2, content, model, encoding) {
  if (typeof content === "string") {
    count2.input_tokens += countText(content, encoding);
    return;
  }
  for (const part of asArray(content)) {
    if (!isRecord(part)) continue;
    if (part.type === "text") count2.input_tokens += countText(asString(part.text) ?? "", encoding);
    else if (part.type === "refusal") count2.input_tokens += countText(asString(part.refusal) ?? "", encoding);
    else if (part.type === "image_url") {
      const image = isRecord(part.image_url) ? part.image_url : { url: part.image_url };
      addImage(count2, model, asString(image.url), image.detail);
    }
  }
}
function countToolCalls(calls, encoding) {
  let total = 0;
  for (const call of asArray(calls)) {
    if (!isRecord(call)) continue;
    total += countCall(isRecord(call.function) ? call.function : call.custom, encoding);
  }
  return total;
}

// src/tokens/countPromptInput.ts
function countStringsOrTokenArrays(input, encoding) {
  if (typeof input === "string") return countText(input, encoding);
  if (!Array.isArray(input)) return 0;
  let total = 0;
  for (const element of input) {
    if (typeof element === "string") total += countText(element, encoding);
    else if (typeof element === "number") total += 1;
    else if (Array.isArray(element)) total += element.length;
  }
  return total;
}

// src/tokens/countCompletionTokens.ts
function countCompletionTokens(body, encoding, count2) {
  count2.input_tokens += countStringsOrTokenArrays(body.prompt, encoding);
  count2.input_tokens += countText(asString(body.suffix) ?? "", encoding);
}

// src/tokens/countEmbeddingTokens.ts
function countEmbeddingTokens(body, encoding, count2) {
  count2.input_tokens += countStringsOrTokenArrays(body.input, encoding);
}

// src/tokens/countModerationTokens.ts
function countModerationTokens(body, encoding, count2) {
  const model = asString(body.model) ?? "";
  if (typeof body.input === "string") {
    count2.input_tokens += countText(body.input, encoding);
    return;
  }
  for (const element of asArray(body.input)) {
    if (typeof element === "string") count2.input_tokens += countText(element, encoding);
    else if (isRecord(element) && element.type === "text") count2.input_tokens += countText(asString(element.text) ?? "", encoding);
    else if (isRecord(element) && element.type === "image_url") {
      const image = isRecord(element.image_url) ? element.image_url : { url: element.image_url };
      addImage(count2, model, asString(image.url), image.detail);
    }
  }
}

// src/tokens/countResponsesTokens.ts
function countResponsesTokens(body, encoding, count2) {
  const model = asString(body.model) ?? "";
  const instructions = asString(body.instructions);
  if (instructions !== void 0) addMessage(count2, "developer", instructions, model, encoding);
  if (typeof body.input === "string") addMessage(count2, "user", body.input, model, encoding);
  for (const item of asArray(body.input)) if (isRecord(item)) addItem(count2, item, model, encoding);
  count2.input_tokens += REPLY_PRIMING;
  const definitions = functionDefinitions(body.tools);
  if (definitions.length > 0) {
    count2.input_tokens += countFunctionDefinitions(definitions, systemText(instructions, body.input), encoding);
    count2.input_tokens += countToolChoice(body.tool_choice, encoding);
  }
  if (isRecord(body.text)) count2.input_tokens += countJsonSchemaFormat(body.text.format, encoding);
}
function systemText(instructions, input) {
  if (instructions !== void 0) return instructions;
  for (const item of asArray(input)) {
    if (!isRecord(item) || (item.type ?? "message") !== "message" || !SYSTEM_ROLES.has(item.role)) continue;
    return contentText(item.content);
  }
  return null;
}
function addItem(count2, item, model, encoding) {
  switch (item.type ?? "message") {
    case "message":
      addMessage(count2, asString(item.role) ?? "user", item.content, model, encoding);
      return;
    case "function_call":
    case "custom_tool_call":
      count2.input_tokens += TOKENS_PER_MESSAGE + countText("assistant", encoding) + countCall(item, encoding);
      return;
    case "function_call_output":
    case "custom_tool_call_output":
      addMessage(count2, "tool", item.output, model, encoding);
      return;
    case "reasoning":
      for (const part of asArray(item.summary)) {
        if (isRecord(part)) count2.input_tokens += countText(asString(part.text) ?? "", encoding);
      }
      return;
  }
}
function addMessage(count2, role, content, model, encoding) {
  count2.input_tokens += TOKENS_PER_MESSAGE + countText(role, encoding);
  if (typeof content === "string") {
    count2.input_tokens += countText(content, encoding);
    return;
  }
  for (const part of asArray(content)) {
    if (!isRecord(part)) continue;
    if (part.type === "input_text" || part.type === "output_text") {
      count2.input_tokens += countText(asString(part.text) ?? "", encoding);
    } else if (part.type === "refusal") {
      count2.input_tokens += countText(asString(part.refusal) ?? "", encoding);
    } else if (part.type === "input_image") {
      addImage(count2, model, asString(part.image_url), part.detail);
    }
  }
}

// src/tokens/countRequestTokens.ts
var COUNTERS = {
  "/v1/chat/completions": countChatTokens,
  "/v1/responses": countResponsesTokens,
  "/v1/embeddings": countEmbeddingTokens,
  "/v1/completions": countCompletionTokens,
  "/v1/moderations": countModerationTokens
};
function countRequestTokens(url, body, encoding) {
  const count2 = { input_tokens: 0, images: 0, unknown_size_images: 0 };
  COUNTERS[url](body, encoding, count2);
  return count2;
}

// src/estimate/outputTokens.ts
var EXPECTED_VISIBLE = 256;
var REASONING_BY_EFFORT = {
  none: 0,
  minimal: 0,
  low: 1e3,
  medium: 4e3,
  high: 16e3,
  xhigh: 32e3
};
var DEFAULT_EFFORT = "medium";
var COMPLETIONS_DEFAULT_MAX_TOKENS = 16;
var FALLBACK_MODEL_LIMIT = 128e3;
function positiveInt(v) {
  return typeof v === "number" && Number.isInteger(v) && v > 0 ? v : void 0;
}
function reasoningEffort(url, body) {
  if (url === "/v1/responses") {
    const r = body.reasoning;
    return typeof r?.effort === "string" ? r.effort : DEFAULT_EFFORT;
  }
  return typeof body.reasoning_effort === "string" ? body.reasoning_effort : DEFAULT_EFFORT;
}
function estimateOutputTokens(url, body, model) {
  if (url === "/v1/embeddings" || url === "/v1/moderations") {
    return { low: 0, expected: 0, max: 0, cap: 0, n: 1, unbounded: false, over_limit: null };
  }
  let requested;
  let choices = 1;
  if (url === "/v1/chat/completions") {
    requested = positiveInt(body.max_completion_tokens) ?? positiveInt(body.max_tokens);
    choices = positiveInt(body.n) ?? 1;
  } else if (url === "/v1/responses") {
    requested = positiveInt(body.max_output_tokens);
  } else {
    requested = positiveInt(body.max_tokens) ?? COMPLETIONS_DEFAULT_MAX_TOKENS;
    choices = Math.max(positiveInt(body.n) ?? 1, positiveInt(body.best_of) ?? 1);
  }
  const limit = model.max_output_tokens ?? FALLBACK_MODEL_LIMIT;
  const cap = Math.min(requested ?? limit, limit);
  const reasoning = model.reasoning ? REASONING_BY_EFFORT[reasoningEffort(url, body)] ?? REASONING_BY_EFFORT[DEFAULT_EFFORT] : 0;
  const expectedPerChoice = Math.min(cap, EXPECTED_VISIBLE + reasoning);
  return {
    low: choices,
    expected: expectedPerChoice * choices,
    max: cap * choices,
    cap,
    n: choices,
    unbounded: requested === void 0,
    over_limit: requested !== void 0 && model.max_output_tokens !== null && requested > model.max_output_tokens ? requested : null
  };
}

// src/estimate/scanLine.ts
var ModelCache = class {
  catalog;
  resolved = /* @__PURE__ */ new Map();
  constructor(catalog) {
    this.catalog = catalog;
  }
  pricing(model) {
    let hit = this.resolved.get(model);
    if (hit === void 0) {
      try {
        hit = resolvePricing(this.catalog, model);
      } catch (err) {
        if (!(err instanceof Error)) throw err;
        hit = err;
      }
      this.resolved.set(model, hit);
    }
    return hit;
  }
};
function scanLine(raw, models) {
  const { request, problems, warnings } = validateLine(raw.text, raw.line);
  if (raw.invalidUtf8) problems.unshift(INVALID_UTF8);
  const scan = {
    line: raw.line,
    bytes: raw.bytes,
    problems,
    warnings,
    custom_id: "",
    model: "",
    url: "",
    model_error: null,
    input_tokens: 0,
    unknown_size_images: 0,
    embedding_inputs: 0,
    output: null
  };
  if (!request || problems.length > 0) return scan;
  const model = request.body.model;
  scan.custom_id = request.custom_id;
  scan.model = model;
  scan.url = request.url;
  if (request.url === "/v1/embeddings") scan.embedding_inputs = countEmbeddingInputs(request.body);
  const pricing = models.pricing(model);
  if (pricing instanceof Error) {
    scan.model_error = pricing.message;
    return scan;
  }
  try {
    const encoding = encodingNameForModel(model, pricing.encoding);
    const tokens = countRequestTokens(request.url, request.body, encoding);
    scan.input_tokens = tokens.input_tokens;
    scan.unknown_size_images = tokens.unknown_size_images;
  } catch (err) {
    if (!(err instanceof Error) || err.name !== "UnknownModelError") throw err;
    scan.model_error = err.message;
    return scan;
  }
  scan.output = estimateOutputTokens(request.url, request.body, pricing);
  if (scan.output.over_limit !== null) {
    scan.warnings.push(
      `asks for up to ${scan.output.over_limit} output tokens, above ${model}'s limit of ${pricing.max_output_tokens} (the API is likely to refuse it; the estimate counts the limit)`
    );
  }
  return scan;
}

export {
  readJsonlLines,
  readJsonlChunks,
  linesOfChunk,
  ENDPOINTS,
  formatLineProblems,
  RequestFileError,
  validateLine,
  RequestFileChecker,
  planBatches,
  encodingNameForModel,
  countText,
  countRequestTokens,
  ModelCache,
  scanLine
};
