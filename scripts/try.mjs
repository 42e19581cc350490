import { transformSync } from "@babel/core";
import plugin from "@unawait/babel-plugin";
import { readFileSync } from "node:fs";
const code = readFileSync(process.argv[2], "utf8");
console.log(transformSync(code, { configFile: false, babelrc: false, plugins: [[plugin, JSON.parse(process.argv[3] || "{}")]] }).code);
