#!/usr/bin/env node
import "../dist/esm/bin.js";
